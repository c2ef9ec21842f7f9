/** The simulated grid's state: plain data, so it persists as one JSON file between fake-command runs. */

export interface SimCloud {
  name: string;
  type: string;
  enabled: boolean;
  /** Cloud Scheduler's max_slots: the most VMs it may run there. */
  maxSlots: number;
  address: string;
  memoryMb: number;
  storageGb: number;
}

export type SimVmStatus = 'Starting' | 'Running' | 'Error';

export interface SimVm {
  id: string;
  /** `<cloud>-<uuid>`, as Cloud Scheduler names OpenStack VMs; condor's Machine adds `.novalocal`. */
  hostname: string;
  cloud: string;
  vmtype: string;
  status: SimVmStatus;
  /** Cloud Scheduler's override_status: only Retiring here. */
  retiring: boolean;
  created: number;
  since: number;
  /** When a Starting VM finishes booting. */
  readyAt: number;
  /** Since when a running VM has had no job; -1 while busy. */
  idleSince: number;
  ip: string;
}

/** HTCondor JobStatus codes the simulation uses. */
export const IDLE = 1;
export const RUNNING = 2;
export const REMOVED = 3;
export const COMPLETED = 4;
export const HELD = 5;
export const SUSPENDED = 7;

export interface SimJob {
  cluster: number;
  proc: number;
  owner: string;
  vmtype: string;
  status: number;
  lastStatus: number;
  qdate: number;
  entered: number;
  /** Slot name (`slot1@host.novalocal`, `slot1_1@…` for a dynamic slot) while running or suspended. */
  host: string | null;
  lastHost: string | null;
  startDate: number | null;
  starts: number;
  runUntil: number;
  holdReason: string | null;
  /** Completed and removed jobs leave the queue (for condor_history) at this time. */
  leaveAt: number;
}

export interface VmType {
  name: string;
  user: string;
  group: string;
  cpus: number;
  memory: number;
  /** Partitionable: one p-slot carved into one dynamic slot per job; static: one slot per core. */
  partitionable: boolean;
  /** Cores per job (all of them on a partitionable multi-core VM). */
  jobCpus: number;
  image: string;
  flavor: string;
}

export const VM_TYPES: readonly VmType[] = [
  {
    name: 'belle-worker',
    user: 'belle',
    group: 'group_prod.belle',
    cpus: 1,
    memory: 2000,
    partitionable: false,
    jobCpus: 1,
    image: 'belle-sl6-x86_64',
    flavor: 'c1-2gb-20',
  },
  {
    name: 'atlas-mcore',
    user: 'atlas',
    group: 'group_mcore.atlas',
    cpus: 8,
    memory: 30096,
    partitionable: true,
    jobCpus: 8,
    image: 'ucernvm-prod.2.4-6.hdd',
    flavor: 'c8-30gb-430',
  },
  {
    name: 'cms-4core',
    user: 'cms',
    group: 'group_prod.cms',
    cpus: 4,
    memory: 8000,
    partitionable: false,
    jobCpus: 1,
    image: 'cms-el7-x86_64',
    flavor: 'c4-8gb-80',
  },
];

export function vmTypeOf(name: string): VmType {
  return VM_TYPES.find((t) => t.name === name) ?? (VM_TYPES[0] as VmType);
}

/** Jobs a VM of this type runs at once. */
export function jobSlots(t: VmType): number {
  return Math.floor(t.cpus / t.jobCpus);
}

export type Tool = 'condor_status' | 'condor_q' | 'cloud_status';
export type Fault = 'fail' | 'empty' | 'garbage';
export const TOOLS: readonly Tool[] = ['condor_status', 'condor_q', 'cloud_status'];
export const FAULTS: readonly Fault[] = ['fail', 'empty', 'garbage'];

export interface GridState {
  version: 1;
  seed: number;
  steps: number;
  /** Simulated epoch seconds. */
  clock: number;
  nextCluster: number;
  targetVms: number;
  targetJobs: number;
  schedd: string;
  clouds: SimCloud[];
  vms: SimVm[];
  jobs: SimJob[];
  faults: Partial<Record<Tool, Fault>>;
}

export function machineOf(vm: SimVm): string {
  return `${vm.hostname}.novalocal`;
}
