import { formatRelative, formatTime } from '../format.js';

/** A time as local time plus how long ago, or `—` when unknown. */
export function When({ ms, now }: { ms: number | null | undefined; now: number }) {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms <= 0) return <span class="muted">—</span>;
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatTime(ms)}>
      {formatTime(ms)}
      <span class="muted"> ({formatRelative(ms, now)})</span>
    </time>
  );
}
