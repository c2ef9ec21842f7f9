import { useEffect } from 'preact/hooks';
import { Crumbs } from '../components/Crumbs.js';
import { GridSummaryTable } from '../components/GridSummaryTable.js';
import { OwnersTable } from '../components/OwnersTable.js';
import { SnapshotAge } from '../components/SnapshotAge.js';
import { gridsPath } from '../gridView.js';
import type { LiveSnapshot } from '../live.js';
import { useGridSummary } from '../useGridSummary.js';

/** A grid's summary: a row per cloud, the totals, jobs by owner; kept live by the stream. */
export function GridPage({ grid, snap }: { grid: string; snap: LiveSnapshot }) {
  const { summary, error, status } = useGridSummary(grid, snap);
  useEffect(() => {
    document.title = `${grid} — grids — cmon`;
  }, [grid]);

  return (
    <div class={`grid-page${summary?.stale ? ' is-stale' : ''}`} data-grid={grid}>
      <Crumbs items={[{ label: 'Grids', href: gridsPath() }, { label: grid }]} />
      {error && (
        <p class="outcome outcome-error" role="alert">
          {status === 404 ? `No grid named “${grid}” has reported.` : error}
        </p>
      )}
      {!summary && !error && <p class="placeholder">Loading…</p>}
      {summary && (
        <>
          <header class="page-head">
            <h1>{summary.name}</h1>
            <SnapshotAge collectedAt={summary.collectedAt} stale={summary.stale} prefix="collected" />
          </header>
          {summary.stale && (
            <p class="outcome stale-note" role="status">
              The collector has not reported for a while: these numbers are from the last snapshot.
            </p>
          )}
          <section class="panel" aria-labelledby="clouds-h">
            <h2 id="clouds-h">Clouds</h2>
            {summary.clouds.length === 0 ? (
              <p class="empty">This grid reports no clouds.</p>
            ) : (
              <GridSummaryTable summary={summary} />
            )}
            <p class="hint">
              Jobs count on the cloud whose VM runs them (or last ran them); idle jobs wait in the queue and
              count only in the totals. Every number links to its history.
            </p>
          </section>
          <section class="panel" aria-labelledby="owners-h">
            <h2 id="owners-h">Jobs by owner</h2>
            <OwnersTable summary={summary} />
          </section>
        </>
      )}
    </div>
  );
}
