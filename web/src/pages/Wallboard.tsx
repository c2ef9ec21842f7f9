import { useAuth } from '../components/AuthProvider.js';
import { SourceSection } from '../components/SourceSection.js';
import type { LiveSnapshot } from '../live.js';

export interface WallboardProps {
  snap: LiveSnapshot;
  q: string;
  kiosk: boolean;
}

export function Wallboard({ snap, q, kiosk }: WallboardProps) {
  const { state } = snap;
  const { can } = useAuth();
  if (!state.loaded) {
    return (
      <p class="placeholder">{snap.error ? 'The board could not be loaded yet.' : 'Loading the board…'}</p>
    );
  }
  if (state.sources.length === 0) {
    return (
      <div class="placeholder">
        <p>No accounts yet.</p>
        {!kiosk && can('manage-sources') && (
          <p>
            <a href="/settings">Add a cloud account in Settings</a> to fill the board.
          </p>
        )}
      </div>
    );
  }
  return (
    <div class="board">
      {state.sources.map((s) => (
        <SourceSection key={s.id} source={s} q={q} kiosk={kiosk} />
      ))}
    </div>
  );
}
