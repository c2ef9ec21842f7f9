import { useEffect } from 'preact/hooks';
import { SnapshotAge } from '../components/SnapshotAge.js';
import type { GridSummary } from '../gridTypes.js';
import { gridPath, mergeGrids } from '../gridView.js';
import { type LiveSnapshot, useStreamEvents } from '../live.js';
import { useFetch } from '../useFetch.js';

export function GridsPage({ snap }: { snap: LiveSnapshot }) {
  const { data, error, reload } = useFetch<{ grids: GridSummary[] }>('/grids');
  useStreamEvents((e) => {
    if (e.type === 'hello') reload();
  });
  useEffect(() => {
    document.title = 'Grids — cmon';
  }, []);
  const grids = mergeGrids(data?.grids ?? [], snap.state.grids);
  return (
    <div class="grids-page">
      <h1>Grids</h1>
      {error && grids.length === 0 && (
        <p class="outcome outcome-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && grids.length === 0 && <p class="placeholder">Loading…</p>}
      {data && grids.length === 0 && (
        <p class="empty">
          No grid has reported yet. Run <code>cmon collect</code> on a grid's scheduler host to send one.
        </p>
      )}
      <ul class="tiles">
        {grids.map((g) => (
          <li key={g.name}>
            <a class={`tile${g.stale ? ' is-stale' : ''}`} href={gridPath(g.name)} data-grid-tile={g.name}>
              <span class="tile-name">{g.name}</span>
              <SnapshotAge collectedAt={g.collectedAt} stale={g.stale} />
              <span class="tile-numbers">
                <span>
                  <strong>{g.clouds.length.toLocaleString()}</strong> clouds
                </span>
                <span>
                  <strong>{g.vms.total.toLocaleString()}</strong> VMs
                  {(g.vms.error ?? 0) > 0 && (
                    <span class="is-bad"> ({(g.vms.error ?? 0).toLocaleString()} in error)</span>
                  )}
                </span>
                <span>
                  <strong>{g.jobs.total.toLocaleString()}</strong> jobs ({g.jobs.running.toLocaleString()}{' '}
                  running, {g.jobs.idle.toLocaleString()} idle
                  {g.jobs.held > 0 && (
                    <>
                      , <span class="is-bad">{g.jobs.held.toLocaleString()} held</span>
                    </>
                  )}
                  )
                </span>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
