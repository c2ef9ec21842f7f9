import { formatTime } from '../format.js';
import { formatAge } from '../gridView.js';
import { useNow } from '../useNow.js';

export interface SnapshotAgeProps {
  collectedAt: number;
  stale: boolean;
  /** Words before the age, e.g. `collected`. */
  prefix?: string;
}

/**
 * `collected 35 s ago`, ticking every second on its own (so the page around it does not re-render),
 * plus a `stale` badge when the grid's collector has gone quiet.
 */
export function SnapshotAge({ collectedAt, stale, prefix }: SnapshotAgeProps) {
  const now = useNow(1000);
  const at = formatTime(collectedAt);
  return (
    <span class="snapshot-age">
      <time
        dateTime={new Date(collectedAt).toISOString()}
        title={`snapshot taken ${at}`}
        data-testid="snapshot-age"
      >
        {prefix ? `${prefix} ` : ''}
        {formatAge(collectedAt, now)}
      </time>
      {stale && (
        <span
          class="badge status-stale"
          data-testid="stale-badge"
          title={`No snapshot since ${at}: these numbers are old.`}
        >
          stale
        </span>
      )}
    </span>
  );
}
