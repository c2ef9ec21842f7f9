/**
 * The numbers a grid summary shows, derived from one snapshot (pure; the API, the collector's
 * `--metrics` lines and the history series all come from here so they can never disagree).
 *
 * Matching rule (as Cloud Scheduler's `match_host_with_condor_host` does): a VM, a slot and a job's
 * remote host are the same machine when the **first DNS label** of their host names is equal,
 * case-insensitively. The host of a slot is its `machine` (else the part of its name after the last
 * `@`, else the whole name); of a job, the part of `remoteHost` after the last `@`; of a VM, its
 * `hostname` without any `:port`. So `slot1_1@cc-east-7a8b.novalocal` lives on VM `cc-east-7a8b`.
 */
import { formatSeries } from '../../history/labels.js';
import type { GridJob, GridSnapshot, JobStatus } from './snapshot.js';

export const SUMMARY_JOB_STATUSES = ['idle', 'running', 'held', 'completed', 'removed', 'suspended'] as const;
export type SummaryJobStatus = (typeof SUMMARY_JOB_STATUSES)[number];
export type JobCounts = Record<SummaryJobStatus | 'total', number>;

/** Always present (0 when none) so their series never have gaps; other states appear when seen. */
export const BASE_VM_STATES = ['starting', 'running', 'retiring', 'error'] as const;
export type VmCounts = Record<string, number> & { total: number };

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
  /** VMs by VM type (Cloud Scheduler's vmtype), every state together. */
  vmTypes: Record<string, number>;
  slots: SlotCounts;
  /** Running VMs (override status counts) with no claimed slot and no job running on them. */
  idleVms: number;
  jobs: JobCounts;
}

export interface GridSummary {
  name: string;
  collectedAt: number;
  stale: boolean;
  clouds: CloudSummary[];
  vms: VmCounts;
  vmTypes: Record<string, number>;
  jobs: JobCounts;
  jobsByOwner: Record<string, JobCounts>;
}

/** First DNS label, lower-cased, of a host name, `slot@host` or `host:port`; '' when there is none. */
export function hostKey(raw: string | null | undefined): string {
  if (!raw) return '';
  const host = raw.slice(raw.lastIndexOf('@') + 1);
  const label = host.split(/[.:]/, 1)[0] ?? '';
  return label.toLowerCase();
}

/** transferring_output is the tail end of a run, so it is counted as running. */
export function summaryStatus(status: JobStatus): SummaryJobStatus {
  return status === 'transferring_output' ? 'running' : status;
}

export function vmState(vm: { status: string; overrideStatus: string | null }): string {
  return (vm.overrideStatus || vm.status).toLowerCase();
}

export function emptyJobCounts(): JobCounts {
  return { idle: 0, running: 0, held: 0, completed: 0, removed: 0, suspended: 0, total: 0 };
}

function emptyVmCounts(): VmCounts {
  const counts: VmCounts = { total: 0 };
  for (const s of BASE_VM_STATES) counts[s] = 0;
  return counts;
}

/**
 * The host a job is counted on: where it runs; for finished or held jobs, where it ran last.
 * Idle jobs belong to no cloud (they count in the grid totals only) even if evicted from one.
 */
function jobHost(job: GridJob): string | null {
  if (job.status === 'idle') return null;
  if (job.status === 'completed' || job.status === 'removed' || job.status === 'held')
    return job.remoteHost ?? job.lastRemoteHost;
  return job.remoteHost;
}

export function summarize(s: GridSnapshot, now: number, staleAfterMs: number): GridSummary {
  const clouds = new Map<string, CloudSummary>();
  const cloudOf = (name: string): CloudSummary => {
    let c = clouds.get(name);
    if (!c) {
      // A VM on a cloud the pool no longer lists (Cloud Scheduler keeps retiring VMs of removed clouds).
      c = {
        name,
        enabled: false,
        quota: null,
        vms: emptyVmCounts(),
        vmTypes: {},
        slots: emptyCounts(),
        idleVms: 0,
        jobs: emptyJobCounts(),
      };
      clouds.set(name, c);
    }
    return c;
  };
  for (const c of s.clouds) {
    if (clouds.has(c.name)) continue;
    clouds.set(c.name, {
      name: c.name,
      enabled: c.enabled,
      quota: c.quota,
      vms: emptyVmCounts(),
      vmTypes: {},
      slots: emptyCounts(),
      idleVms: 0,
      jobs: emptyJobCounts(),
    });
  }

  const gridVms = emptyVmCounts();
  const gridTypes: Record<string, number> = {};
  const cloudByHost = new Map<string, string>();
  for (const vm of s.vms) {
    const state = vmState(vm);
    const cloud = cloudOf(vm.cloud);
    cloud.vms[state] = (cloud.vms[state] ?? 0) + 1;
    cloud.vms.total++;
    cloud.vmTypes[vm.vmtype] = (cloud.vmTypes[vm.vmtype] ?? 0) + 1;
    gridTypes[vm.vmtype] = (gridTypes[vm.vmtype] ?? 0) + 1;
    gridVms[state] = (gridVms[state] ?? 0) + 1;
    gridVms.total++;
    const key = hostKey(vm.hostname);
    if (key) cloudByHost.set(key, vm.cloud);
  }

  const busyHosts = new Set<string>();
  for (const slot of s.slots) {
    const key = hostKey(slot.machine || slot.name);
    const cloudName = cloudByHost.get(key);
    if (slot.state === 'Claimed') busyHosts.add(key);
    if (cloudName === undefined) continue;
    const counts = cloudOf(cloudName).slots;
    counts.total++;
    if (slot.state === 'Claimed') counts.claimed++;
    else if (slot.state === 'Unclaimed') counts.unclaimed++;
  }

  const gridJobs = emptyJobCounts();
  const byOwner: Record<string, JobCounts> = {};
  for (const job of s.jobs) {
    const status = summaryStatus(job.status);
    gridJobs[status]++;
    gridJobs.total++;
    let owner = byOwner[job.owner];
    if (!owner) {
      owner = emptyJobCounts();
      byOwner[job.owner] = owner;
    }
    owner[status]++;
    owner.total++;
    if (job.remoteHost && status === 'running') busyHosts.add(hostKey(job.remoteHost));
    const cloudName = cloudByHost.get(hostKey(jobHost(job)));
    if (cloudName === undefined) continue;
    const counts = cloudOf(cloudName).jobs;
    counts[status]++;
    counts.total++;
  }

  for (const vm of s.vms) {
    if (vmState(vm) === 'running' && !busyHosts.has(hostKey(vm.hostname))) cloudOf(vm.cloud).idleVms++;
  }

  return {
    name: s.grid,
    collectedAt: s.collectedAt,
    stale: now - s.collectedAt > staleAfterMs,
    clouds: [...clouds.values()],
    vms: gridVms,
    vmTypes: gridTypes,
    jobs: gridJobs,
    jobsByOwner: byOwner,
  };
}

function emptyCounts(): SlotCounts {
  return { claimed: 0, unclaimed: 0, total: 0 };
}

export interface Series {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * Every number of a summary as a series. Grid-wide totals carry **no `cloud` label** (rather than
 * `cloud="*"`), so `cmon_grid_jobs{grid="g1",cloud=""}` selects exactly the totals and no label value
 * can collide with a real cloud's name. Counts named `total` are series too (every number is a link).
 */
export function seriesOf(summary: GridSummary): Series[] {
  const grid = summary.name;
  const out: Series[] = [];
  const push = (name: string, labels: Record<string, string>, value: number) =>
    out.push({ name, labels: { grid, ...labels }, value });
  out.push({ name: 'cmon_grid_stale', labels: { grid }, value: summary.stale ? 1 : 0 });
  for (const c of summary.clouds) {
    const cloud = c.name;
    push('cmon_grid_cloud_enabled', { cloud }, c.enabled ? 1 : 0);
    if (c.quota !== null) push('cmon_grid_cloud_quota', { cloud }, c.quota);
    for (const [status, n] of Object.entries(c.vms)) push('cmon_grid_vms', { cloud, status }, n);
    for (const [vmtype, n] of Object.entries(c.vmTypes)) push('cmon_grid_vms_by_type', { cloud, vmtype }, n);
    for (const [state, n] of Object.entries(c.slots)) push('cmon_grid_slots', { cloud, state }, n);
    push('cmon_grid_idle_vms', { cloud }, c.idleVms);
    for (const [status, n] of Object.entries(c.jobs)) push('cmon_grid_jobs', { cloud, status }, n);
  }
  for (const [status, n] of Object.entries(summary.vms)) push('cmon_grid_vms', { status }, n);
  for (const [vmtype, n] of Object.entries(summary.vmTypes)) push('cmon_grid_vms_by_type', { vmtype }, n);
  for (const [status, n] of Object.entries(summary.jobs)) push('cmon_grid_jobs', { status }, n);
  for (const [owner, counts] of Object.entries(summary.jobsByOwner)) {
    for (const [status, n] of Object.entries(counts)) push('cmon_grid_jobs_by_owner', { owner, status }, n);
  }
  return out;
}

/** `name{a="x",b="y"}` in the order the labels were given (grid, cloud, then the rest). */
export function seriesKey(s: Pick<Series, 'name' | 'labels'>): string {
  return formatSeries(s.name, s.labels);
}
