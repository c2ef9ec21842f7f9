import type { OverviewEntity, SourceSummary } from '../live/events.js';
import { type AlarmState, type SourceStatus, STATE_SEVERITY } from '../model.js';
import type { Store } from '../store/types.js';
import type { LatestState } from './latest.js';

function counts(states: AlarmState[]): OverviewEntity['counts'] {
  const c = { ok: 0, warning: 0, critical: 0, unknown: 0, total: states.length };
  for (const s of states) c[s.toLowerCase() as 'ok' | 'warning' | 'critical' | 'unknown']++;
  return c;
}

/**
 * The board as it was at `at`, rebuilt from the alarm transition log: each alarm in the state of
 * its last transition at or before then. Servers known now keep today's label; a server that has
 * gone since shows its id. Each source's status is `statusAt`'s (from the recorded series), or
 * today's without it.
 */
export async function overviewAt(
  state: LatestState,
  store: Store,
  at: number,
  statusAt?: (summary: SourceSummary) => Promise<SourceStatus>,
): Promise<unknown> {
  const sources = [];
  for (const summary of state.summaries()) {
    const byEntity = new Map<string, AlarmState[]>();
    for (const row of await store.alarmStatesAt(summary.id, at)) {
      const list = byEntity.get(row.entityId) ?? [];
      list.push(row.state);
      byEntity.set(row.entityId, list);
    }
    const entities: OverviewEntity[] = [...byEntity].map(([id, states]) => ({
      id,
      label: state.entity(summary.id, id)?.label ?? id,
      counts: counts(states),
      states: [...states].sort((a, b) => STATE_SEVERITY[b] - STATE_SEVERITY[a]),
    }));
    sources.push({ ...summary, ...(statusAt ? { status: await statusAt(summary) } : {}), entities });
  }
  return { generatedAt: Date.now(), at, sources };
}
