import type { Series } from '../sources/grid/summary.js';
import type { LatestState } from '../state/latest.js';
import type { Labels } from './labels.js';
import type { HistoryStore, SeriesSamples } from './store.js';

/** Every grid number, as the grid service hands them over at each snapshot. */
export function gridSeriesWriter(history: HistoryStore) {
  return async (series: Series[], at: number): Promise<void> => {
    await history.write(series.map((s) => ({ name: s.name, labels: s.labels, t: [at], v: [s.value] })));
  };
}

const STATES = ['ok', 'warning', 'critical', 'unknown', 'total'] as const;

interface ServerLabels {
  name: string;
  byState: Labels[];
}

/**
 * At each successful poll of a cloud account: `cmon_source_up{…} 1` (the past board's status), its
 * alarm counts by state, `cmon_alarms{source="…",source_id="…",state="…"}`, and every server's,
 * `cmon_server_alarms{source_id="…",server="<entity id>",server_name="…",state="…"}`: 10,000
 * servers make 50,000 series, which the history store's write-ahead log and compact open chunks
 * are built for (bench/history-servers.ts).
 */
export function sourceSeriesWriter(history: HistoryStore, state: LatestState) {
  const serverLabels = new Map<string, Map<string, ServerLabels>>();
  return async (sourceId: string, at: number): Promise<void> => {
    const totals = state.totals(sourceId);
    const summary = state.summary(sourceId);
    if (!totals || !summary) {
      serverLabels.delete(sourceId);
      return;
    }
    const batch: SeriesSamples[] = STATES.map((st) => ({
      name: 'cmon_alarms',
      labels: { source: summary.name, source_id: sourceId, state: st },
      t: [at],
      v: [totals[st]],
    }));
    batch.push(upSample(sourceId, summary.name, at, 1));
    // The same labels objects poll after poll (while a server keeps its name): the store knows
    // them again without rebuilding their keys.
    const previous = serverLabels.get(sourceId);
    const current = new Map<string, ServerLabels>();
    for (const e of state.overviewEntities(sourceId)) {
      let sl = previous?.get(e.id);
      if (!sl || sl.name !== e.label)
        sl = {
          name: e.label,
          byState: STATES.map((st) => ({
            source_id: sourceId,
            server: e.id,
            server_name: e.label,
            state: st,
          })),
        };
      current.set(e.id, sl);
      STATES.forEach((st, i) => {
        batch.push({ name: 'cmon_server_alarms', labels: sl.byState[i] ?? {}, t: [at], v: [e.counts[st]] });
      });
    }
    serverLabels.set(sourceId, current);
    await history.write(batch);
  };
}

const upSample = (sourceId: string, name: string, at: number, v: number): SeriesSamples => ({
  name: 'cmon_source_up',
  labels: { source: name, source_id: sourceId },
  t: [at],
  v: [v],
});

/** A failed poll: `cmon_source_up{source="…",source_id="…"} 0`. */
export function sourceFailureWriter(history: HistoryStore, state: LatestState) {
  return async (sourceId: string, at: number): Promise<void> => {
    const summary = state.summary(sourceId);
    if (summary) await history.write([upSample(sourceId, summary.name, at, 0)]);
  };
}
