import type { GridJob } from '../gridTypes.js';
import { gridPath, JOB_STATUSES, listApiPath, listKeys, readList } from '../gridView.js';
import { useOnNewSnapshot } from '../useGridSummary.js';
import { useNow } from '../useNow.js';
import { usePagedList } from '../usePagedList.js';
import { JobTable } from './JobTable.js';
import { ListFilters } from './ListFilters.js';
import { Pager } from './Pager.js';
import { LIST_LIMIT } from './VmList.js';

const KEYS = listKeys('job', 'status');

export interface JobListProps {
  grid: string;
  cloud: string;
  search: string;
  collectedAt: number;
}

/** A cloud's jobs (running or last run on its VMs): sortable, filterable, paged through the URL (`job_…`). */
export function JobList({ grid, cloud, search, collectedAt }: JobListProps) {
  const state = readList(new URLSearchParams(search), KEYS);
  const path = listApiPath(`${gridPath(grid)}/jobs`, { cloud }, state, 'status', LIST_LIMIT);
  const now = useNow(30_000);
  const { data, error, reload } = usePagedList<GridJob>(path);
  useOnNewSnapshot(collectedAt, reload);
  return (
    <section class="panel" aria-labelledby="jobs-h" data-testid="job-list">
      <div class="panel-head">
        <h2 id="jobs-h">Jobs</h2>
        <ListFilters
          keys={KEYS}
          state={state}
          selectLabel="Status"
          options={JOB_STATUSES}
          placeholder="Job ID, owner, host or hold reason…"
          searchLabel="Filter jobs by ID, owner, host or hold reason"
        />
      </div>
      {error && (
        <p class="outcome outcome-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p class="placeholder">Loading…</p>}
      {data && (
        <>
          {data.items.length > 0 ? (
            <JobTable
              grid={grid}
              jobs={data.items}
              now={now}
              sort={{ state, keys: KEYS, defaultSort: 'queueDate' }}
            />
          ) : (
            <p class="empty">
              {state.filter || state.q ? 'No job matches the filter.' : 'No jobs run or ran on this cloud.'}
            </p>
          )}
          <Pager
            keys={KEYS}
            page={state.page}
            limit={LIST_LIMIT}
            total={data.total}
            offset={data.offset}
            count={data.items.length}
            noun="jobs"
          />
        </>
      )}
    </section>
  );
}
