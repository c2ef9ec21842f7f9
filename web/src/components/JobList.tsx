import type { GridJob } from '../gridTypes.js';
import { gridPath, JOB_STATUSES, listApiPath, listKeys, readList } from '../gridView.js';
import { useOnNewSnapshot } from '../useGridSummary.js';
import { useNow } from '../useNow.js';
import { usePagedList } from '../usePagedList.js';
import { JobTable } from './JobTable.js';
import { ListPanel } from './ListPanel.js';
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
    <ListPanel
      id="job"
      title="Jobs"
      keys={KEYS}
      state={state}
      limit={LIST_LIMIT}
      filter={{
        label: 'Status',
        options: JOB_STATUSES,
        placeholder: 'Job ID, owner, host or hold reason…',
        searchLabel: 'Filter jobs by ID, owner, host or hold reason',
      }}
      data={data}
      error={error}
      empty={{ filtered: 'No job matches the filter.', none: 'No jobs run or ran on this cloud.' }}
      noun="jobs"
    >
      {(jobs) => (
        <JobTable grid={grid} jobs={jobs} now={now} sort={{ state, keys: KEYS, defaultSort: 'queueDate' }} />
      )}
    </ListPanel>
  );
}
