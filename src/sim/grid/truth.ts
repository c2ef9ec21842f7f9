/**
 * What a correct collector + summary must report for the simulated grid, computed from the
 * simulation's own model (not from the fake commands' output), so a test comparing the two checks
 * the formats, the parsers and `summarize` together.
 */
import {
  BASE_VM_STATES,
  type CloudSummary,
  emptyJobCounts,
  type GridSummary,
  type JobCounts,
  type VmCounts,
} from '../../sources/grid/summary.js';
import { COMPLETED, type GridState, HELD, IDLE, REMOVED, RUNNING, type SimJob, SUSPENDED } from './model.js';
import { jobsByMachine, slotsOf } from './slots.js';

const STATUS_NAME: Record<number, keyof JobCounts> = {
  [IDLE]: 'idle',
  [RUNNING]: 'running',
  [REMOVED]: 'removed',
  [COMPLETED]: 'completed',
  [HELD]: 'held',
  [SUSPENDED]: 'suspended',
};

function vmCounts(): VmCounts {
  const c: VmCounts = { total: 0 };
  for (const s of BASE_VM_STATES) c[s] = 0;
  return c;
}

function machineOfHost(host: string): string {
  return host.slice(host.lastIndexOf('@') + 1);
}

export function gridTruth(state: GridState, grid: string): GridSummary {
  const clouds = new Map<string, CloudSummary>();
  for (const c of state.clouds) {
    clouds.set(c.name, {
      name: c.name,
      enabled: c.enabled,
      quota: c.maxSlots,
      vms: vmCounts(),
      vmTypes: {},
      slots: { claimed: 0, unclaimed: 0, total: 0 },
      idleVms: 0,
      jobs: emptyJobCounts(),
    });
  }
  const cloudOfMachine = new Map<string, CloudSummary>();
  const gridVms = vmCounts();
  const gridTypes: Record<string, number> = {};
  const occupied = jobsByMachine(state);
  for (const vm of state.vms) {
    const cloud = clouds.get(vm.cloud);
    if (!cloud) continue;
    const st = vm.retiring ? 'retiring' : vm.status.toLowerCase();
    cloud.vms[st] = (cloud.vms[st] ?? 0) + 1;
    cloud.vms.total++;
    gridVms[st] = (gridVms[st] ?? 0) + 1;
    gridVms.total++;
    cloud.vmTypes[vm.vmtype] = (cloud.vmTypes[vm.vmtype] ?? 0) + 1;
    gridTypes[vm.vmtype] = (gridTypes[vm.vmtype] ?? 0) + 1;
    cloudOfMachine.set(`${vm.hostname}.novalocal`, cloud);
    if (st === 'running' && !occupied.has(`${vm.hostname}.novalocal`)) cloud.idleVms++;
  }
  for (const slot of slotsOf(state)) {
    const cloud = cloudOfMachine.get(slot.machine);
    if (!cloud) continue;
    cloud.slots.total++;
    if (slot.state === 'Claimed') cloud.slots.claimed++;
    else cloud.slots.unclaimed++;
  }
  const jobs = emptyJobCounts();
  const byOwner: Record<string, JobCounts> = {};
  const count = (c: JobCounts, job: SimJob) => {
    const name = STATUS_NAME[job.status] ?? 'idle';
    c[name]++;
    c.total++;
  };
  for (const job of state.jobs) {
    count(jobs, job);
    byOwner[job.owner] ??= emptyJobCounts();
    count(byOwner[job.owner] as JobCounts, job);
    const host =
      job.status === IDLE
        ? null
        : (job.host ?? (job.status === RUNNING || job.status === SUSPENDED ? null : job.lastHost));
    const cloud = host ? cloudOfMachine.get(machineOfHost(host)) : undefined;
    if (cloud) count(cloud.jobs, job);
  }
  return {
    name: grid,
    collectedAt: state.clock * 1000,
    stale: false,
    clouds: [...clouds.values()],
    vms: gridVms,
    vmTypes: gridTypes,
    jobs,
    jobsByOwner: byOwner,
  };
}
