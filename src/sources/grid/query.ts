import type { GridJob, GridSlot, GridSnapshot, GridVm } from './snapshot.js';
import { hostKey, summaryStatus, vmState } from './summary.js';

export interface Page<T> {
  total: number;
  offset: number;
  limit: number;
  items: T[];
}

export interface VmView extends GridVm {
  state: string;
}

export interface VmFilter {
  cloud?: string | undefined;
  state?: string | undefined;
  vmtype?: string | undefined;
  q?: string | undefined;
}

export interface JobFilter {
  status?: string | undefined;
  owner?: string | undefined;
  vmtype?: string | undefined;
  /** Jobs running or last run on this cloud's VMs. */
  cloud?: string | undefined;
  /** Jobs running or last run on this VM (by host). */
  host?: string | undefined;
  q?: string | undefined;
}

export interface Sort {
  by?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
}

function page<T>(items: T[], offset: number, limit: number): Page<T> {
  return { total: items.length, offset, limit, items: items.slice(offset, offset + limit) };
}

function sortBy<T>(items: T[], key: string | undefined, order: 'asc' | 'desc' = 'asc'): T[] {
  if (!key) return items;
  const dir = order === 'desc' ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return (
      (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir
    );
  });
}

const contains = (hay: (string | null)[], q: string | undefined) =>
  !q || hay.some((h) => h?.toLowerCase().includes(q.toLowerCase()));

export function vmView(vm: GridVm): VmView {
  return { ...vm, state: vmState(vm) };
}

export function listVms(
  s: GridSnapshot,
  f: VmFilter,
  sort: Sort,
  offset: number,
  limit: number,
): Page<VmView> {
  const items = s.vms
    .map(vmView)
    .filter(
      (v) =>
        (!f.cloud || v.cloud === f.cloud) &&
        (!f.state || v.state === f.state.toLowerCase()) &&
        (!f.vmtype || v.vmtype === f.vmtype) &&
        contains([v.id, v.hostname, v.user], f.q),
    );
  return page(sortBy(items, sort.by ?? 'hostname', sort.order), offset, limit);
}

/** A job's summary status (transferring output counts as running), kept beside the raw one. */
export interface JobView extends GridJob {
  summaryStatus: string;
}

export function listJobs(
  s: GridSnapshot,
  f: JobFilter,
  sort: Sort,
  offset: number,
  limit: number,
): Page<JobView> {
  const cloudHosts = f.cloud
    ? new Set(s.vms.filter((v) => v.cloud === f.cloud).map((v) => hostKey(v.hostname)))
    : null;
  const host = f.host ? hostKey(f.host) : null;
  const onHost = (j: GridJob, keys: (h: string) => boolean) =>
    keys(hostKey(j.remoteHost)) || keys(hostKey(j.lastRemoteHost));
  const items = s.jobs
    .filter(
      (j) =>
        (!f.status || j.status === f.status || summaryStatus(j.status) === f.status) &&
        (!f.owner || j.owner === f.owner) &&
        (!f.vmtype || j.vmtype === f.vmtype) &&
        (!cloudHosts || onHost(j, (h) => h !== '' && cloudHosts.has(h))) &&
        (!host || onHost(j, (h) => h === host)) &&
        contains([j.id, j.owner, j.remoteHost, j.holdReason], f.q),
    )
    .map((j) => ({ ...j, summaryStatus: summaryStatus(j.status) }));
  return page(sortBy(items, sort.by ?? 'queueDate', sort.order), offset, limit);
}

export interface VmDetail {
  vm: VmView;
  slots: GridSlot[];
  currentJobs: JobView[];
  lastJobs: JobView[];
}

export function vmDetail(s: GridSnapshot, id: string): VmDetail | undefined {
  const vm = s.vms.find((v) => v.id === id);
  if (!vm) return undefined;
  const key = hostKey(vm.hostname);
  const view = (j: GridJob): JobView => ({ ...j, summaryStatus: summaryStatus(j.status) });
  return {
    vm: vmView(vm),
    slots: s.slots.filter((sl) => hostKey(sl.machine || sl.name) === key),
    currentJobs: s.jobs.filter((j) => j.remoteHost && hostKey(j.remoteHost) === key).map(view),
    lastJobs: s.jobs
      .filter((j) => !j.remoteHost && j.lastRemoteHost && hostKey(j.lastRemoteHost) === key)
      .sort((a, b) => b.statusTime - a.statusTime)
      .slice(0, 50)
      .map(view),
  };
}

export interface JobDetail {
  job: JobView;
  /** The VM it runs on, or ran on last, when the snapshot knows it. */
  vm: VmView | null;
}

export function jobDetail(s: GridSnapshot, id: string): JobDetail | undefined {
  const job = s.jobs.find((j) => j.id === id);
  if (!job) return undefined;
  const key = hostKey(job.remoteHost ?? job.lastRemoteHost);
  const vm = key ? s.vms.find((v) => hostKey(v.hostname) === key) : undefined;
  return { job: { ...job, summaryStatus: summaryStatus(job.status) }, vm: vm ? vmView(vm) : null };
}
