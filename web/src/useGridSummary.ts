import { useEffect, useRef } from 'preact/hooks';
import type { GridSummary } from './gridTypes.js';
import { gridPath, normalizeGridSummary, pickSummary } from './gridView.js';
import { type LiveSnapshot, useStreamEvents } from './live.js';
import { useFetch } from './useFetch.js';
import { useKeptFetch } from './useKeptFetch.js';

export interface GridSummaryState {
  /** The newest of the fetched and the streamed summary; null until either arrives. */
  summary: GridSummary | null;
  error: string | null;
  status: number | null;
  /** A moment's summary is on its way (time travel). */
  loading?: boolean;
  /** Fetches the live summary again. */
  reload?: () => void;
}

/** A grid's summary: fetched once (again after a reconnect), then kept current by the stream's `grid` events. */
export function useGridSummary(grid: string, snap: LiveSnapshot): GridSummaryState {
  const { data, error, status, reload } = useFetch<GridSummary>(gridPath(grid));
  useStreamEvents((e) => {
    if (e.type === 'hello') reload();
  });
  const summary = pickSummary(data, snap.state.grids[grid] ?? null);
  return { summary, error: summary ? null : error, status: summary ? null : status, reload };
}

/**
 * A grid's summary as it was at `at` (time travel), rebuilt by the server from the recorded series;
 * the stream does not touch it. Null `at` fetches nothing. The previous moment stays shown while the
 * next one loads; a superseded request is aborted.
 */
export function useGridSummaryAt(grid: string, at: number | null): GridSummaryState {
  const { data, error, status, loading } = useKeptFetch<GridSummary>(
    at === null ? null : `${gridPath(grid)}?at=${at}`,
  );
  const summary = data ? normalizeGridSummary(data) : null;
  return { summary, error, status, loading };
}

/** Calls `fn` whenever a newer snapshot of the grid arrives (not on the first one). */
export function useOnNewSnapshot(collectedAt: number | null, fn: () => void): void {
  const seen = useRef(collectedAt);
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    if (collectedAt === null) return;
    if (seen.current !== null && seen.current !== collectedAt) ref.current();
    seen.current = collectedAt;
  }, [collectedAt]);
}
