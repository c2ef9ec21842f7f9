import type { GridJob } from '../gridTypes.js';
import { jobPath } from '../gridView.js';
import { SortHeader, type SortSpec } from './SortHeader.js';
import { When } from './When.js';

export interface JobTableProps {
  grid: string;
  jobs: readonly GridJob[];
  now: number;
  sort?: SortSpec | undefined;
}

/** Jobs, one row each (`data-job-id`), the id linking to the job page. */
export function JobTable({ grid, jobs, now, sort }: JobTableProps) {
  return (
    <div class="table-scroll">
      <table class="table grid-table job-table">
        <thead>
          <tr>
            <SortHeader label="Job" field="id" sort={sort} />
            <SortHeader label="Owner" field="owner" sort={sort} />
            <SortHeader label="Status" field="status" sort={sort} />
            <SortHeader label="VM type" field="vmtype" sort={sort} />
            <SortHeader label="Queued" field="queueDate" sort={sort} />
            <SortHeader label="Status since" field="statusTime" sort={sort} />
            <SortHeader label="Host" field="remoteHost" sort={sort} />
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id} data-job-id={j.id}>
              <td>
                <a href={jobPath(grid, j.id)}>{j.id}</a>
              </td>
              <td>{j.owner}</td>
              <td>
                <JobStatusBadge status={j.status} />
                {j.status === 'held' && j.holdReason && (
                  <div class="hold-reason-inline" title={j.holdReason}>
                    {j.holdReason}
                  </div>
                )}
              </td>
              <td>{j.vmtype ?? <span class="muted">—</span>}</td>
              <td>
                <When ms={j.queueDate} now={now} />
              </td>
              <td>
                <When ms={j.statusTime} now={now} />
              </td>
              <td class="host">
                {j.remoteHost ??
                  (j.lastRemoteHost ? (
                    <span class="muted">last: {j.lastRemoteHost}</span>
                  ) : (
                    <span class="muted">—</span>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function JobStatusBadge({ status }: { status: string }) {
  return (
    <span
      class={`badge job-status job-status-${/^[a-z_]+$/.test(status) ? status : 'other'}`}
      data-status={status}
    >
      {status.replace(/_/g, ' ')}
    </span>
  );
}
