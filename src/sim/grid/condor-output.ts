/** Slot and job ClassAds of the simulated grid, shaped like HTCondor 8.6 with Cloud Scheduler attributes. */
import {
  type AdValue,
  bool,
  expr,
  int,
  list,
  projector,
  real,
  renderAd,
  renderAdList,
  str,
} from './classad-json.js';
import { type GridState, HELD, RUNNING, type SimJob, vmTypeOf } from './model.js';
import { type SimSlot, slotsOf } from './slots.js';

const VERSION = '$CondorVersion: 8.6.5 Jul 31 2017 BuildID: 412496 $';

export const SLOT_ATTRS = [
  'Activity',
  'Arch',
  'ChildActivity',
  'ChildState',
  'ClientMachine',
  'COLLECTOR_HOST_STRING',
  'CondorLoadAvg',
  'CondorVersion',
  'Cpus',
  'Disk',
  'DynamicSlot',
  'EnteredCurrentActivity',
  'EnteredCurrentState',
  'GlobalJobId',
  'JobId',
  'JobStart',
  'KFlops',
  'LastHeardFrom',
  'LoadAvg',
  'Machine',
  'Memory',
  'Mips',
  'MyAddress',
  'MyCurrentTime',
  'MyType',
  'Name',
  'NumDynamicSlots',
  'OpSys',
  'PartitionableSlot',
  'Rank',
  'RemoteOwner',
  'RemoteUser',
  'Requirements',
  'SlotID',
  'SlotType',
  'Start',
  'StartdIpAddr',
  'State',
  'TargetType',
  'TotalCpus',
  'TotalDisk',
  'TotalLoadAvg',
  'TotalMemory',
  'TotalSlotCpus',
  'TotalSlotDisk',
  'TotalSlotMemory',
  'TotalSlots',
  'VMType',
] as const;

export const JOB_ATTRS = [
  'AccountingGroup',
  'Args',
  'ClusterId',
  'Cmd',
  'EnteredCurrentStatus',
  'GlobalJobId',
  'HoldReason',
  'HoldReasonCode',
  'HoldReasonSubCode',
  'Iwd',
  'JobCurrentStartDate',
  'JobPrio',
  'JobStartDate',
  'JobStatus',
  'JobUniverse',
  'LastJobStatus',
  'LastRemoteHost',
  'MemoryUsage',
  'MyType',
  'NumJobStarts',
  'Owner',
  'ProcId',
  'QDate',
  'RemoteHost',
  'RemoteUserCpu',
  'RemoteWallClockTime',
  'RequestCpus',
  'RequestDisk',
  'RequestMemory',
  'Requirements',
  'ServerTime',
  'TargetType',
  'User',
  'VMAMI',
  'VMInstanceType',
  'VMJobPerCore',
  'VMKeepAlive',
] as const;

function slotAttr(s: SimSlot, name: string, state: GridState): AdValue | undefined {
  const job = s.job;
  const load = s.state === 'Claimed' ? s.cpus * 0.99 : 0;
  const sinful = `<${s.vm.ip}:40123?addrs=${s.vm.ip}-40123&noUDP&sock=3280_5a1c_3>`;
  const p = s.kind === 'Partitionable';
  switch (name) {
    case 'Activity':
      return str(s.activity);
    case 'Arch':
      return str('X86_64');
    case 'ChildActivity':
      return p ? list(Array(s.children).fill('Busy')) : undefined;
    case 'ChildState':
      return p ? list(Array(s.children).fill('Claimed')) : undefined;
    case 'ClientMachine':
      return job ? str(state.schedd) : undefined;
    case 'COLLECTOR_HOST_STRING':
      return str(state.schedd);
    case 'CondorLoadAvg':
    case 'LoadAvg':
      return real(load);
    case 'CondorVersion':
      return str(VERSION);
    case 'Cpus':
      return int(s.cpus);
    case 'Disk':
      return int(Math.floor(165_200_840 / s.type.cpus) * (p ? 1 : s.cpus));
    case 'DynamicSlot':
      return s.kind === 'Dynamic' ? bool(true) : undefined;
    case 'EnteredCurrentActivity':
    case 'EnteredCurrentState':
      return int(job?.entered ?? s.vm.since);
    case 'GlobalJobId':
      return job ? str(`${state.schedd}#${job.cluster}.${job.proc}#${job.qdate}`) : undefined;
    case 'JobId':
      return job ? str(`${job.cluster}.${job.proc}`) : undefined;
    case 'JobStart':
      return job ? int(job.entered) : undefined;
    case 'KFlops':
      return int(1_309_213);
    case 'LastHeardFrom':
    case 'MyCurrentTime':
      return int(state.clock);
    case 'Machine':
      return str(s.machine);
    case 'Memory':
      return int(s.memory);
    case 'Mips':
      return int(21_042);
    case 'MyAddress':
    case 'StartdIpAddr':
      return str(sinful);
    case 'MyType':
      return str('Machine');
    case 'Name':
      return str(s.name);
    case 'NumDynamicSlots':
      return p ? int(s.children) : undefined;
    case 'OpSys':
      return str('LINUX');
    case 'PartitionableSlot':
      return p ? bool(true) : undefined;
    case 'Rank':
      return real(0);
    case 'RemoteOwner':
    case 'RemoteUser':
      return job ? str(`${job.owner}@example.org`) : undefined;
    case 'Requirements':
      return expr('START && (WithinResourceLimits)');
    case 'SlotID':
      return int(Number(/^slot(\d+)/.exec(s.name)?.[1] ?? 1));
    case 'SlotType':
      return str(s.kind);
    case 'Start':
      return expr(`(Owner == "${s.type.user}")`);
    case 'State':
      return str(s.state);
    case 'TargetType':
      return str('Job');
    case 'TotalCpus':
      return real(s.type.cpus);
    case 'TotalDisk':
      return int(165_200_840);
    case 'TotalLoadAvg':
      return real(load);
    case 'TotalMemory':
      return int(s.type.memory);
    case 'TotalSlotCpus':
      return p ? int(s.type.cpus) : undefined;
    case 'TotalSlotDisk':
      return p ? real(165_200_840) : undefined;
    case 'TotalSlotMemory':
      return p ? int(s.type.memory) : undefined;
    case 'TotalSlots':
      return int(s.type.partitionable ? 1 + s.children : s.type.cpus);
    case 'VMType':
      return str(s.type.name);
    default:
      return undefined;
  }
}

function requirements(vmtype: string): string {
  return `(VMType =?= "${vmtype}" && TARGET.Arch == "x86_64") && (TARGET.OpSys == "LINUX") && (TARGET.Disk >= RequestDisk) && (TARGET.Memory >= RequestMemory) && (TARGET.HasFileTransfer)`;
}

function jobAttr(j: SimJob, name: string, state: GridState): AdValue | undefined {
  const type = vmTypeOf(j.vmtype);
  switch (name) {
    case 'AccountingGroup':
      return str(type.group);
    case 'Args':
      return str(`-q ${j.vmtype}`);
    case 'ClusterId':
      return int(j.cluster);
    case 'Cmd':
      return str(`/home/${j.owner}/bin/pilot-wrapper.sh`);
    case 'EnteredCurrentStatus':
      return int(j.entered);
    case 'GlobalJobId':
      return str(`${state.schedd}#${j.cluster}.${j.proc}#${j.qdate}`);
    case 'HoldReason':
      return j.status === HELD && j.holdReason ? str(j.holdReason) : undefined;
    case 'HoldReasonCode':
      return j.status === HELD ? int(1) : undefined;
    case 'HoldReasonSubCode':
      return j.status === HELD ? int(0) : undefined;
    case 'Iwd':
      return str(`/home/${j.owner}/logs/prod`);
    case 'JobCurrentStartDate':
      return j.status === RUNNING ? int(j.entered) : undefined;
    case 'JobPrio':
      return int(0);
    case 'JobStartDate':
      return j.startDate === null ? undefined : int(j.startDate);
    case 'JobStatus':
      return int(j.status);
    case 'JobUniverse':
      return int(5);
    case 'LastJobStatus':
      return j.lastStatus ? int(j.lastStatus) : undefined;
    case 'LastRemoteHost':
      return j.lastHost ? str(j.lastHost) : undefined;
    case 'MemoryUsage':
      return expr('((ResidentSetSize + 1023) / 1024)');
    case 'MyType':
      return str('Job');
    case 'NumJobStarts':
      return int(j.starts);
    case 'Owner':
      return str(j.owner);
    case 'ProcId':
      return int(j.proc);
    case 'QDate':
      return int(j.qdate);
    case 'RemoteHost':
      return j.host ? str(j.host) : undefined;
    case 'RemoteUserCpu':
    case 'RemoteWallClockTime':
      return real(j.host ? Math.max(0, state.clock - j.entered) : 0);
    case 'RequestCpus':
      return int(type.jobCpus);
    case 'RequestDisk':
      return int(10_000_000);
    case 'RequestMemory':
      return int(Math.floor(type.memory / Math.max(1, type.cpus / type.jobCpus)));
    case 'Requirements':
      return expr(requirements(j.vmtype));
    case 'ServerTime':
      return int(state.clock);
    case 'TargetType':
      return str('Machine');
    case 'User':
      return str(`${j.owner}@example.org`);
    case 'VMAMI':
      return str(`default:${type.image}`);
    case 'VMInstanceType':
      return str(`default:${type.flavor}`);
    case 'VMJobPerCore':
      return str(type.partitionable ? 'False' : 'True');
    case 'VMKeepAlive':
      return str('30');
    default:
      return undefined;
  }
}

function render<T>(
  items: T[],
  names: string[],
  attr: (item: T, name: string) => AdValue | undefined,
): string {
  const ads: string[] = new Array(items.length);
  let n = 0;
  for (const item of items) {
    const pairs: [string, AdValue][] = [];
    for (const name of names) {
      const v = attr(item, name);
      if (v !== undefined) pairs.push([name, v]);
    }
    ads[n++] = renderAd(pairs);
  }
  return renderAdList(ads.slice(0, n));
}

export function condorStatusJson(state: GridState, attributes?: string[]): string {
  return render(slotsOf(state), projector(SLOT_ATTRS, attributes), (s, name) => slotAttr(s, name, state));
}

/** Without -allusers condor_q shows only the invoking user's jobs. */
export function condorQJson(state: GridState, attributes?: string[], owner?: string): string {
  const jobs = owner === undefined ? state.jobs : state.jobs.filter((j) => j.owner === owner);
  return render(jobs, projector(JOB_ATTRS, attributes), (j, name) => jobAttr(j, name, state));
}
