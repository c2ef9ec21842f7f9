import type { CloudSummary, GridSummary } from '../gridTypes.js';
import { cloudPath, JOB_COLUMNS, vmStateColumns } from '../gridView.js';
import { idleVmsSeries, jobsSeries, quotaSeries, slotsSeries, vmsSeries } from '../series.js';
import { SeriesLink } from './SeriesLink.js';

const SLOT_COLUMNS = ['claimed', 'unclaimed', 'total'] as const;

/** A number cell: right-aligned, a rule before the first of a group, red when it counts trouble. */
function cellClass(first: boolean, bad = false): string {
  return `numeric${first ? ' group' : ''}${bad ? ' is-bad' : ''}`;
}

function sum(clouds: readonly CloudSummary[], pick: (c: CloudSummary) => number | null): number {
  let n = 0;
  for (const c of clouds) n += pick(c) ?? 0;
  return n;
}

/**
 * Rows are clouds (`data-cloud`), then the grid's totals. VMs and jobs totals are the grid's own series
 * (no `cloud` label; idle jobs count only there); slot, idle-VM and quota totals are sums, linked
 * to the selector of every cloud's series.
 */
export function GridSummaryTable({ summary }: { summary: GridSummary }) {
  const grid = summary.name;
  const states = vmStateColumns([summary.vms, ...summary.clouds.map((c) => c.vms)]);
  const clouds = summary.clouds;
  return (
    <div class="table-scroll">
      <table class="table grid-table summary-table">
        <thead>
          <tr class="group-row">
            <th scope="col" rowSpan={2}>
              Cloud
            </th>
            <th scope="col" rowSpan={2}>
              Enabled
            </th>
            <th scope="col" rowSpan={2} class="numeric">
              Quota
            </th>
            <th scope="colgroup" colSpan={states.length + 1} class="group">
              VMs
            </th>
            <th scope="colgroup" colSpan={SLOT_COLUMNS.length} class="group">
              Slots
            </th>
            <th scope="col" rowSpan={2} class="numeric group">
              Idle VMs
            </th>
            <th scope="colgroup" colSpan={JOB_COLUMNS.length + 1} class="group">
              Jobs
            </th>
          </tr>
          <tr>
            {states.map((s, i) => (
              <th key={s} scope="col" class={`numeric${i === 0 ? ' group' : ''}`}>
                {s}
              </th>
            ))}
            <th scope="col" class="numeric">
              total
            </th>
            {SLOT_COLUMNS.map((s, i) => (
              <th key={s} scope="col" class={`numeric${i === 0 ? ' group' : ''}`}>
                {s}
              </th>
            ))}
            {JOB_COLUMNS.map((s, i) => (
              <th key={s} scope="col" class={`numeric${i === 0 ? ' group' : ''}`}>
                {s}
              </th>
            ))}
            <th scope="col" class="numeric">
              total
            </th>
          </tr>
        </thead>
        <tbody>
          {clouds.map((c) => (
            <tr key={c.name} data-cloud={c.name} class={c.enabled ? undefined : 'is-disabled'}>
              <th scope="row">
                <a href={cloudPath(grid, c.name)}>{c.name}</a>
              </th>
              <td>{c.enabled ? 'yes' : <span class="muted">no</span>}</td>
              <td class="numeric">
                {c.quota === null ? (
                  <span class="muted" title="unknown">
                    —
                  </span>
                ) : (
                  <SeriesLink
                    selector={quotaSeries(grid, c.name)}
                    value={c.quota}
                    title={`quota of ${c.name}`}
                  />
                )}
              </td>
              {states.map((s, i) => (
                <td
                  key={s}
                  class={`numeric${i === 0 ? ' group' : ''}${s === 'error' && (c.vms[s] ?? 0) > 0 ? ' is-bad' : ''}`}
                >
                  <SeriesLink
                    selector={vmsSeries(grid, c.name, s)}
                    value={c.vms[s] ?? 0}
                    title={`${s} VMs on ${c.name}`}
                  />
                </td>
              ))}
              <td class="numeric strong">
                <SeriesLink
                  selector={vmsSeries(grid, c.name, 'total')}
                  value={c.vms.total}
                  title={`VMs on ${c.name}`}
                />
              </td>
              {SLOT_COLUMNS.map((s, i) => (
                <td key={s} class={`numeric${i === 0 ? ' group' : ''}`}>
                  <SeriesLink
                    selector={slotsSeries(grid, c.name, s)}
                    value={c.slots[s]}
                    title={`${s} slots on ${c.name}`}
                  />
                </td>
              ))}
              <td class="numeric group">
                <SeriesLink
                  selector={idleVmsSeries(grid, c.name)}
                  value={c.idleVms}
                  title={`idle VMs on ${c.name}`}
                />
              </td>
              {JOB_COLUMNS.map((s, i) => (
                <td
                  key={s}
                  class={`numeric${i === 0 ? ' group' : ''}${s === 'held' && c.jobs.held > 0 ? ' is-bad' : ''}`}
                >
                  <SeriesLink
                    selector={jobsSeries(grid, c.name, s)}
                    value={c.jobs[s]}
                    title={`${s} jobs on ${c.name}`}
                  />
                </td>
              ))}
              <td class="numeric strong">
                <SeriesLink
                  selector={jobsSeries(grid, c.name, 'total')}
                  value={c.jobs.total}
                  title={`jobs on ${c.name}`}
                />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr class="totals-row" data-testid="totals-row">
            <th scope="row">All clouds</th>
            <td class="muted">
              {sum(clouds, (c) => (c.enabled ? 1 : 0))} of {clouds.length}
            </td>
            <td class="numeric">
              {clouds.some((c) => c.quota !== null) ? (
                <SeriesLink
                  selector={quotaSeries(grid, undefined)}
                  value={sum(clouds, (c) => c.quota)}
                  title="quota of all clouds"
                />
              ) : (
                <span class="muted">—</span>
              )}
            </td>
            {states.map((s, i) => (
              <td key={s} class={cellClass(i === 0, s === 'error' && (summary.vms[s] ?? 0) > 0)}>
                <SeriesLink
                  selector={vmsSeries(grid, undefined, s)}
                  value={summary.vms[s] ?? 0}
                  title={`${s} VMs`}
                />
              </td>
            ))}
            <td class="numeric strong">
              <SeriesLink
                selector={vmsSeries(grid, undefined, 'total')}
                value={summary.vms.total}
                title="VMs"
              />
            </td>
            {SLOT_COLUMNS.map((s, i) => (
              <td key={s} class={`numeric${i === 0 ? ' group' : ''}`}>
                <SeriesLink
                  selector={slotsSeries(grid, undefined, s)}
                  value={sum(clouds, (c) => c.slots[s])}
                  title={`${s} slots`}
                />
              </td>
            ))}
            <td class="numeric group">
              <SeriesLink
                selector={idleVmsSeries(grid, undefined)}
                value={sum(clouds, (c) => c.idleVms)}
                title="idle VMs"
              />
            </td>
            {JOB_COLUMNS.map((s, i) => (
              <td key={s} class={cellClass(i === 0, s === 'held' && summary.jobs.held > 0)}>
                <SeriesLink
                  selector={jobsSeries(grid, undefined, s)}
                  value={summary.jobs[s]}
                  title={`${s} jobs`}
                />
              </td>
            ))}
            <td class="numeric strong">
              <SeriesLink
                selector={jobsSeries(grid, undefined, 'total')}
                value={summary.jobs.total}
                title="jobs"
              />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
