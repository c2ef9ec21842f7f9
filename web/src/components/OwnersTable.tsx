import type { GridSummary } from '../gridTypes.js';
import { JOB_COLUMNS, ownersByJobs } from '../gridView.js';
import { jobsByOwnerSeries } from '../series.js';
import { SeriesLink } from './SeriesLink.js';

/** Jobs by owner (`data-owner` rows), most jobs first; every count links to its history. */
export function OwnersTable({ summary }: { summary: GridSummary }) {
  const grid = summary.name;
  const owners = ownersByJobs(summary.jobsByOwner);
  if (owners.length === 0) return <p class="empty">No jobs in the queue.</p>;
  return (
    <div class="table-scroll">
      <table class="table grid-table owners-table">
        <thead>
          <tr>
            <th scope="col">Owner</th>
            {JOB_COLUMNS.map((s) => (
              <th key={s} scope="col" class="numeric">
                {s}
              </th>
            ))}
            <th scope="col" class="numeric">
              total
            </th>
          </tr>
        </thead>
        <tbody>
          {owners.map((o) => {
            const c = summary.jobsByOwner[o];
            if (!c) return null;
            return (
              <tr key={o} data-owner={o}>
                <th scope="row">{o}</th>
                {JOB_COLUMNS.map((s) => (
                  <td key={s} class={`numeric${s === 'held' && c.held > 0 ? ' is-bad' : ''}`}>
                    <SeriesLink
                      selector={jobsByOwnerSeries(grid, o, s)}
                      value={c[s]}
                      title={`${s} jobs of ${o}`}
                    />
                  </td>
                ))}
                <td class="numeric strong">
                  <SeriesLink
                    selector={jobsByOwnerSeries(grid, o, 'total')}
                    value={c.total}
                    title={`jobs of ${o}`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
