/** Shapes of the /api/v1/grids contract as the browser sees them (kept apart from server code on purpose). */

/** Counts by VM state; `starting`, `running`, `retiring`, `error` always, other states when seen. */
export type VmCounts = Record<string, number> & { total: number };

export interface JobCounts {
  idle: number;
  running: number;
  held: number;
  completed: number;
  removed: number;
  suspended: number;
  total: number;
}

export interface SlotCounts {
  claimed: number;
  unclaimed: number;
  total: number;
}

export interface CloudSummary {
  name: string;
  enabled: boolean;
  quota: number | null;
  vms: VmCounts;
  slots: SlotCounts;
  /** Running VMs with no claimed slot and no job. */
  idleVms: number;
  /** Jobs running or last run on this cloud's VMs; idle jobs count in the grid totals only. */
  jobs: JobCounts;
  /** VMs by the collector's VM type; optional so an older server still renders. */
  vmTypes?: Record<string, number>;
}

export interface GridSummary {
  name: string;
  /** ms since the epoch. */
  collectedAt: number;
  stale: boolean;
  clouds: CloudSummary[];
  vms: VmCounts;
  jobs: JobCounts;
  jobsByOwner: Record<string, JobCounts>;
  /** VMs by type over all clouds; optional so an older server still renders. */
  vmTypes?: Record<string, number>;
  /** Set when this is the grid as it was at that moment (time travel), epoch ms. */
  at?: number;
}

export interface GridEventData {
  name: string;
  summary: GridSummary;
}

export interface Page<T> {
  total: number;
  offset: number;
  limit: number;
  items: T[];
}

export interface GridVm {
  id: string;
  hostname: string;
  vmtype: string;
  user: string;
  status: string;
  overrideStatus: string | null;
  cloud: string;
  /** overrideStatus if set, else status; lower-case. */
  state: string;
}

export type JobStatus =
  | 'idle'
  | 'running'
  | 'removed'
  | 'completed'
  | 'held'
  | 'transferring_output'
  | 'suspended';

export interface GridJob {
  /** `ClusterId.ProcId`. */
  id: string;
  owner: string;
  status: JobStatus;
  summaryStatus: string;
  vmtype: string | null;
  accountingGroup: string | null;
  queueDate: number;
  statusTime: number;
  remoteHost: string | null;
  lastRemoteHost: string | null;
  holdReason: string | null;
}

export interface GridSlot {
  name: string;
  machine: string;
  state: string;
  activity: string;
  vmtype: string | null;
  cpus: number;
  /** MiB. */
  memory: number;
}

export interface VmDetail {
  vm: GridVm;
  slots: GridSlot[];
  currentJobs: GridJob[];
  lastJobs: GridJob[];
}

export interface JobDetail {
  job: GridJob;
  vm: GridVm | null;
}
