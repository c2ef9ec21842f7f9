import { useEffect } from 'preact/hooks';
import { CloudNumbers } from '../components/CloudNumbers.js';
import { Crumbs } from '../components/Crumbs.js';
import { JobList } from '../components/JobList.js';
import { SnapshotAge } from '../components/SnapshotAge.js';
import { VmList } from '../components/VmList.js';
import { findCloud, gridPath, gridsPath, vmStateColumns } from '../gridView.js';
import type { LiveSnapshot } from '../live.js';
import { useGridSummary } from '../useGridSummary.js';

export interface CloudPageProps {
  grid: string;
  cloud: string;
  /** The URL's query string (the lists' sort, filters and pages). */
  search: string;
  snap: LiveSnapshot;
}

/** One cloud of a grid: its numbers, its VMs and its jobs. */
export function CloudPage({ grid, cloud, search, snap }: CloudPageProps) {
  const { summary, error, status } = useGridSummary(grid, snap);
  const c = findCloud(summary, cloud);
  useEffect(() => {
    document.title = `${cloud} — ${grid} — cmon`;
  }, [grid, cloud]);

  return (
    <div
      class={`cloud-page${summary?.stale ? ' is-stale' : ''}`}
      data-testid="cloud-page"
      data-cloud-page={cloud}
    >
      <Crumbs
        items={[
          { label: 'Grids', href: gridsPath() },
          { label: grid, href: gridPath(grid) },
          { label: cloud },
        ]}
      />
      {error && (
        <p class="outcome outcome-error" role="alert">
          {status === 404 ? `No grid named “${grid}” has reported.` : error}
        </p>
      )}
      {!summary && !error && <p class="placeholder">Loading…</p>}
      {summary && (
        <>
          <header class="page-head">
            <h1>{cloud}</h1>
            {c && !c.enabled && <span class="badge status-pending">disabled</span>}
            <SnapshotAge collectedAt={summary.collectedAt} stale={summary.stale} prefix="collected" />
          </header>
          {!c ? (
            <p class="outcome outcome-error" role="alert">
              The latest snapshot of {grid} has no cloud named “{cloud}”.
            </p>
          ) : (
            <>
              <section class="panel" aria-label="Numbers">
                <CloudNumbers grid={grid} cloud={c} />
              </section>
              <VmList
                grid={grid}
                cloud={cloud}
                search={search}
                states={vmStateColumns([c.vms])}
                collectedAt={summary.collectedAt}
              />
              <JobList grid={grid} cloud={cloud} search={search} collectedAt={summary.collectedAt} />
            </>
          )}
        </>
      )}
    </div>
  );
}
