import type { AlarmCounts as Counts } from '../types.js';
import { SeriesLink } from './SeriesLink.js';

const COUNT_STATES = ['critical', 'warning', 'unknown', 'ok', 'total'] as const;
export type CountState = (typeof COUNT_STATES)[number];

export interface AlarmCountsProps {
  counts: Counts;
  /** The selector of one count's history. */
  series: (state: CountState) => string;
  /** Whose alarms these are, for the tooltip: an account's or a server's name. */
  of: string;
}

/** Alarms by state, each count a link to its history. */
export function AlarmCounts({ counts, series, of }: AlarmCountsProps) {
  return (
    <span class="alarm-counts" data-testid="alarm-counts">
      alarms:
      {COUNT_STATES.map((st, i) => (
        <span key={st} class={`count count-${st}`}>
          {i > 0 && ' ·'}{' '}
          <SeriesLink selector={series(st)} value={counts[st]} title={`${st} alarms of ${of}`} /> {st}
        </span>
      ))}
    </span>
  );
}
