/** Condor slots are derived from VMs and the jobs placed on them, never stored: they cannot drift. */
import {
  type GridState,
  jobSlots,
  machineOf,
  RUNNING,
  type SimJob,
  type SimVm,
  SUSPENDED,
  type VmType,
  vmTypeOf,
} from './model.js';

export interface SimSlot {
  name: string;
  machine: string;
  vm: SimVm;
  type: VmType;
  kind: 'Static' | 'Partitionable' | 'Dynamic';
  state: 'Claimed' | 'Unclaimed';
  activity: 'Busy' | 'Idle' | 'Retiring' | 'Suspended';
  cpus: number;
  memory: number;
  job: SimJob | null;
  /** p-slot only: its dynamic children's states. */
  children: number;
}

/** A VM is in the pool (has slots) once Running, Retiring included; booting and failed VMs are not. */
export function registered(vm: SimVm): boolean {
  return vm.status === 'Running';
}

export function occupies(job: SimJob): boolean {
  return (job.status === RUNNING || job.status === SUSPENDED) && job.host !== null;
}

/** Jobs by the machine they occupy. */
export function jobsByMachine(state: GridState): Map<string, SimJob[]> {
  const map = new Map<string, SimJob[]>();
  for (const job of state.jobs) {
    if (!occupies(job) || job.host === null) continue;
    const machine = job.host.slice(job.host.lastIndexOf('@') + 1);
    let list = map.get(machine);
    if (!list) {
      list = [];
      map.set(machine, list);
    }
    list.push(job);
  }
  return map;
}

export function slotsOf(state: GridState): SimSlot[] {
  const byMachine = jobsByMachine(state);
  const out: SimSlot[] = [];
  for (const vm of state.vms) {
    if (!registered(vm)) continue;
    const type = vmTypeOf(vm.vmtype);
    const machine = machineOf(vm);
    const jobs = byMachine.get(machine) ?? [];
    const byName = new Map(jobs.map((j) => [j.host, j]));
    const activityOf = (job: SimJob): SimSlot['activity'] =>
      job.status === SUSPENDED ? 'Suspended' : vm.retiring ? 'Retiring' : 'Busy';
    if (type.partitionable) {
      const used = jobs.length * type.jobCpus;
      out.push({
        name: `slot1@${machine}`,
        machine,
        vm,
        type,
        kind: 'Partitionable',
        state: 'Unclaimed',
        activity: 'Idle',
        cpus: type.cpus - used,
        memory: type.memory - jobs.length * Math.floor(type.memory / jobSlots(type)),
        job: null,
        children: jobs.length,
      });
      for (let i = 1; i <= jobSlots(type); i++) {
        const job = byName.get(`slot1_${i}@${machine}`);
        if (!job) continue;
        out.push({
          name: `slot1_${i}@${machine}`,
          machine,
          vm,
          type,
          kind: 'Dynamic',
          state: 'Claimed',
          activity: activityOf(job),
          cpus: type.jobCpus,
          memory: Math.floor(type.memory / jobSlots(type)),
          job,
          children: 0,
        });
      }
      continue;
    }
    for (let i = 1; i <= type.cpus; i++) {
      const name = `slot${i}@${machine}`;
      const job = byName.get(name) ?? null;
      out.push({
        name,
        machine,
        vm,
        type,
        kind: 'Static',
        state: job ? 'Claimed' : 'Unclaimed',
        activity: job ? activityOf(job) : 'Idle',
        cpus: 1,
        memory: Math.floor(type.memory / type.cpus),
        job,
        children: 0,
      });
    }
  }
  return out;
}

/** Free slot names on a VM that takes new jobs (not retiring). */
export function freeSlotNames(vm: SimVm, taken: Set<string>): string[] {
  if (!registered(vm) || vm.retiring) return [];
  const type = vmTypeOf(vm.vmtype);
  const machine = machineOf(vm);
  const names: string[] = [];
  for (let i = 1; i <= jobSlots(type); i++) {
    const name = type.partitionable ? `slot1_${i}@${machine}` : `slot${i}@${machine}`;
    if (!taken.has(name)) names.push(name);
  }
  return names;
}
