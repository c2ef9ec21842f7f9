import type { Connection } from '../live.js';

export function ConnectionBanner({ connection, error }: { connection: Connection; error: string | null }) {
  if (connection === 'lost') {
    return (
      <div class="banner banner-lost" role="status" data-testid="connection-banner">
        Lost connection to the server — retrying…
      </div>
    );
  }
  if (error) {
    return (
      <div class="banner banner-error" role="alert" data-testid="overview-error">
        Could not load the board: {error} — retrying…
      </div>
    );
  }
  return null;
}
