import { parseSelector } from '../history/selector.js';
import type { HistoryStore } from '../history/store.js';
import type { SourceStatus } from '../model.js';

/** How far back the status of a moment is looked for; older than this, nothing is known. */
export const STATUS_LOOKBACK_MS = 7 * 86_400_000;

const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * A source's status at `at`, from what was recorded at each poll or snapshot up to then:
 * `cmon_source_up` (1 a successful poll, 0 a failed one) for a cloud account, `cmon_grid_stale`
 * (written at each snapshot) for a grid. Older than `staleAfterMs` → stale, as the live board
 * would have shown it; nothing recorded in the week before → pending.
 */
export async function sourceStatusAt(
  history: HistoryStore,
  source: { id: string; type: string; gridName?: string },
  at: number,
  staleAfterMs: number,
): Promise<SourceStatus> {
  const grid = source.type === 'grid' && source.gridName !== undefined;
  const selector = grid
    ? `cmon_grid_stale{grid=${quote(source.gridName ?? '')}}`
    : `cmon_source_up{source_id=${quote(source.id)}}`;
  let last: { t: number; v: number } | null = null;
  let lastSuccessAt: number | null = null;
  let lastErrorAt: number | null = null;
  for (const rec of await history.findSeries(parseSelector(selector))) {
    const raw = await history.readRaw(rec.id, at - STATUS_LOOKBACK_MS, at + 1);
    for (let i = 0; i < raw.t.length; i++) {
      const t = raw.t[i] ?? 0;
      // A grid's snapshot is a success whatever its staleness flag said when it arrived.
      const ok = grid || raw.v[i] === 1;
      if (ok) lastSuccessAt = Math.max(lastSuccessAt ?? t, t);
      else lastErrorAt = Math.max(lastErrorAt ?? t, t);
      if (!last || t >= last.t) last = { t, v: ok ? 1 : 0 };
    }
  }
  if (!last)
    return { state: 'pending', message: 'nothing recorded before this moment', lastSuccessAt, lastErrorAt };
  if (last.v === 0)
    return { state: 'error', message: 'the poll at this moment failed', lastSuccessAt, lastErrorAt };
  if (at - last.t > staleAfterMs)
    return { state: 'stale', message: 'no successful poll', lastSuccessAt, lastErrorAt };
  return { state: 'ok', message: null, lastSuccessAt, lastErrorAt };
}
