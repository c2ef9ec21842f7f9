import type { Series } from '../sources/grid/summary.js';
import type { LatestState } from '../state/latest.js';
import type { HistoryStore } from './store.js';

/** Every grid number, as the grid service hands them over at each snapshot. */
export function gridSeriesWriter(history: HistoryStore) {
  return async (series: Series[], at: number): Promise<void> => {
    await history.write(series.map((s) => ({ name: s.name, labels: s.labels, t: [at], v: [s.value] })));
  };
}

const STATES = ['ok', 'warning', 'critical', 'unknown', 'total'] as const;

/**
 * A cloud account's alarm counts by state at each poll: `cmon_alarms{source="…",state="…"}`.
 * Per-server series are left out for now: 10,000 servers × 5 states would keep 50,000 open chunks.
 */
export function sourceSeriesWriter(history: HistoryStore, state: LatestState) {
  return async (sourceId: string, at: number): Promise<void> => {
    const totals = state.totals(sourceId);
    const summary = state.summary(sourceId);
    if (!totals || !summary) return;
    await history.write(
      STATES.map((st) => ({
        name: 'cmon_alarms',
        labels: { source: summary.name, source_id: sourceId, state: st },
        t: [at],
        v: [totals[st]],
      })),
    );
  };
}
