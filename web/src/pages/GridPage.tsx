import { useEffect } from 'preact/hooks';
import { Crumbs } from '../components/Crumbs.js';
import { GridSummaryTable } from '../components/GridSummaryTable.js';
import { OwnersTable } from '../components/OwnersTable.js';
import { SnapshotAge } from '../components/SnapshotAge.js';
import { TimeTravel } from '../components/TimeTravel.js';
import { VmTypesTable } from '../components/VmTypesTable.js';
import { gridsPath } from '../gridView.js';
import type { LiveSnapshot } from '../live.js';
import { formatLocalDateTime } from '../timeTravel.js';
import { useBackToLive } from '../useBackToLive.js';
import { useGridSummary, useGridSummaryAt } from '../useGridSummary.js';

export interface GridPageProps {
  grid: string;
  snap: LiveSnapshot;
  /** Time travel: the summary as it was at this moment (epoch ms); null for live. */
  at?: number | null;
}

/** A grid's summary: a row per cloud, the totals, VMs by type, jobs by owner; live, or as it was at `at`. */
export function GridPage({ grid, snap, at = null }: GridPageProps) {
  const live = useGridSummary(grid, snap);
  const past = useGridSummaryAt(grid, at);
  useBackToLive(at, () => live.reload?.());
  const { summary, error, status } = at === null ? live : past;
  useEffect(() => {
    document.title = `${grid} — grids — cmon`;
  }, [grid]);

  return (
    <div
      class={`grid-page${summary?.stale ? ' is-stale' : ''}${at !== null ? ' is-past' : ''}`}
      data-grid={grid}
    >
      <Crumbs items={[{ label: 'Grids', href: gridsPath() }, { label: grid }]} />
      <TimeTravel at={at} loading={past.loading ?? false} />
      {error && (
        <p class="outcome outcome-error" role="alert" data-testid={at !== null ? 'past-error' : undefined}>
          {at !== null
            ? status === 404
              ? 'No data recorded for this moment.'
              : `The grid as it was could not be loaded: ${error}`
            : status === 404
              ? `No grid named “${grid}” has reported.`
              : error}
        </p>
      )}
      {!summary && !error && <p class="placeholder">Loading…</p>}
      {summary && (
        <div class="grid-board">
          <header class="page-head">
            <h1>{summary.name}</h1>
            {at === null ? (
              <SnapshotAge collectedAt={summary.collectedAt} stale={summary.stale} prefix="collected" />
            ) : (
              <span class="snapshot-age">
                as it was at {formatLocalDateTime(at)}
                {summary.collectedAt > 0 && ` (snapshot of ${formatLocalDateTime(summary.collectedAt)})`}
              </span>
            )}
          </header>
          {at === null && summary.stale && (
            <p class="outcome stale-note" role="status">
              The collector has not reported for a while: these numbers are from the last snapshot.
            </p>
          )}
          <section class="panel" aria-labelledby="clouds-h">
            <h2 id="clouds-h">Clouds</h2>
            {summary.clouds.length === 0 ? (
              <p class="empty">{at === null ? 'This grid reports no clouds.' : 'No clouds recorded then.'}</p>
            ) : (
              <GridSummaryTable summary={summary} />
            )}
            <p class="hint">
              Jobs count on the cloud whose VM runs them (or last ran them); idle jobs wait in the queue and
              count only in the totals. Every number links to its history.
            </p>
          </section>
          <section class="panel" aria-labelledby="vm-types-h">
            <h2 id="vm-types-h">VMs by type</h2>
            <VmTypesTable summary={summary} />
          </section>
          <section class="panel" aria-labelledby="owners-h">
            <h2 id="owners-h">Jobs by owner</h2>
            <OwnersTable summary={summary} />
          </section>
        </div>
      )}
    </div>
  );
}
