/**
 * An evolving grid: Cloud Scheduler boots VMs for waiting jobs (Starting → Running, sometimes Error),
 * retires idle ones; HTCondor runs jobs (idle → running → completed, sometimes held or suspended).
 * Seeded: the same seed and the same steps give the same grid.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GridSummary } from '../../sources/grid/summary.js';
import { chance, mulberry32, pick, type Rng, randInt, randomHex } from '../rackspace/random.js';
import type { Fault, Tool } from './model.js';
import {
  COMPLETED,
  type GridState,
  HELD,
  IDLE,
  jobSlots,
  REMOVED,
  RUNNING,
  type SimCloud,
  type SimJob,
  type SimVm,
  SUSPENDED,
  VM_TYPES,
  type VmType,
  vmTypeOf,
} from './model.js';
import { freeSlotNames, occupies } from './slots.js';
import { gridTruth } from './truth.js';

export const STATE_FILE = 'grid-state.json';
const START_CLOCK = 1_502_300_000;
const CLOUD_NAMES = [
  'uvic-west',
  'cc-east',
  'aws-spot',
  'chameleon',
  'nectar-mel',
  'gce-central',
  'azure-east',
  'ec2-eu',
];
const CLOUD_TYPES = [
  'OpenStackNative',
  'OpenStackNative',
  'AmazonEC2',
  'OpenStack',
  'OpenStackNative',
  'GCE',
  'Azure',
  'AmazonEC2',
];
const HOLD_REASONS = [
  'via condor_hold (by user atlas)',
  'Error from slot1@worker: SHADOW at 10.0.0.1 failed to send file(s)',
  'Job has gone over memory limit of 2000 megabytes.',
  'Failed to initialize user log to /home/belle/logs/prod/job.log',
];
const BOOT_SECONDS = [120, 600] as const;
const IDLE_RETIRE_SECONDS = 900;
const ERROR_CLEANUP_SECONDS = 1800;

export interface GridSimOptions {
  seed?: number;
  vms?: number;
  jobs?: number;
  clouds?: number;
  /** Epoch seconds the simulation starts at (default a fixed 2017 instant, like the samples). */
  clock?: number;
}

function uuid(rng: Rng): string {
  const h = randomHex(rng, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[randInt(rng, 0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class GridSim {
  state: GridState;
  #rng: Rng;

  constructor(state: GridState) {
    this.state = state;
    this.#rng = mulberry32(state.seed * 7919 + state.steps);
  }

  static create(opts: GridSimOptions = {}): GridSim {
    const seed = opts.seed ?? 42;
    const targetVms = opts.vms ?? 50;
    const targetJobs = opts.jobs ?? 500;
    const nClouds = Math.max(1, Math.min(opts.clouds ?? 3, CLOUD_NAMES.length));
    const clock = opts.clock ?? START_CLOCK;
    const rng = mulberry32(seed);
    const clouds: SimCloud[] = [];
    for (let i = 0; i < nClouds; i++) {
      // With three or more clouds the last one is switched off, as operators do with a costly cloud.
      const enabled = nClouds < 3 || i < nClouds - 1;
      clouds.push({
        name: CLOUD_NAMES[i] as string,
        type: CLOUD_TYPES[i] as string,
        enabled,
        maxSlots: enabled ? Math.ceil((targetVms * 1.25) / Math.max(1, nClouds - (nClouds < 3 ? 0 : 1))) : 0,
        address: `https://${CLOUD_NAMES[i]}.cloud.example.org:5000/v3`,
        memoryMb: 4_000_000,
        storageGb: 200_000,
      });
    }
    const state: GridState = {
      version: 1,
      seed,
      steps: 0,
      clock,
      nextCluster: 1000,
      targetVms,
      targetJobs,
      schedd: 'condor.example.org',
      clouds,
      vms: [],
      jobs: [],
      faults: {},
    };
    const sim = new GridSim(state);
    sim.#populate(rng);
    return sim;
  }

  static load(dir: string): GridSim {
    return new GridSim(JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8')) as GridState);
  }

  /** What `summarize` must give for a snapshot of the grid now (collectedAt = the simulated clock). */
  truth(grid = 'sim'): GridSummary {
    return gridTruth(this.state, grid);
  }

  setFault(tool: Tool, fault: Fault | undefined): void {
    if (fault) this.state.faults[tool] = fault;
    else delete this.state.faults[tool];
  }

  save(dir: string): void {
    const file = join(dir, STATE_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, file);
  }

  #newVm(rng: Rng, cloud: SimCloud, type: VmType, status: SimVm['status'], age: number): SimVm {
    const now = this.state.clock;
    return {
      id: uuid(rng),
      hostname: `${cloud.name}-${uuid(rng)}`,
      cloud: cloud.name,
      vmtype: type.name,
      status,
      retiring: false,
      created: now - age,
      since: now - Math.floor(age / 2),
      readyAt: now - age + randInt(rng, BOOT_SECONDS[0], BOOT_SECONDS[1]),
      idleSince: now,
      ip: `10.${randInt(rng, 0, 255)}.${randInt(rng, 0, 255)}.${randInt(rng, 1, 254)}`,
    };
  }

  #newJob(type: VmType, qdate: number): SimJob {
    const cluster = this.state.nextCluster++;
    return {
      cluster,
      proc: 0,
      owner: type.user,
      vmtype: type.name,
      status: IDLE,
      lastStatus: 0,
      qdate,
      entered: qdate,
      host: null,
      lastHost: null,
      startDate: null,
      starts: 0,
      runUntil: 0,
      holdReason: null,
      leaveAt: 0,
    };
  }

  #start(rng: Rng, job: SimJob, slot: string): void {
    const now = this.state.clock;
    job.lastStatus = job.status;
    job.status = RUNNING;
    job.entered = now;
    job.host = slot;
    job.startDate ??= now;
    job.starts++;
    job.runUntil = now + randInt(rng, 1800, 6 * 3600);
  }

  #populate(rng: Rng): void {
    const { state } = this;
    const enabled = state.clouds.filter((c) => c.enabled);
    for (let i = 0; i < state.targetVms; i++) {
      const cloud = enabled[i % enabled.length] as SimCloud;
      const type = pick(rng, VM_TYPES);
      const r = rng();
      const status = r < 0.04 ? 'Starting' : r < 0.06 ? 'Error' : 'Running';
      const vm = this.#newVm(
        rng,
        cloud,
        type,
        status,
        status === 'Starting' ? 30 : randInt(rng, 600, 86_400),
      );
      vm.retiring = status === 'Running' && r > 0.96;
      state.vms.push(vm);
    }
    // Fill most free slots with running jobs, leave a few VMs idle; the rest of the jobs wait.
    const taken = new Set<string>();
    for (const vm of state.vms) {
      const busy = vm.retiring ? chance(rng, 0.5) : chance(rng, 0.93);
      if (vm.status !== 'Running' || !busy) continue;
      const type = vmTypeOf(vm.vmtype);
      const machineSlots = freeSlotNames({ ...vm, retiring: false }, taken);
      for (const slot of machineSlots) {
        if (state.jobs.length >= state.targetJobs) break;
        const job = this.#newJob(type, state.clock - randInt(rng, 3600, 3 * 86_400));
        this.#start(rng, job, slot);
        job.entered = state.clock - randInt(rng, 60, 1800);
        job.startDate = job.entered;
        if (chance(rng, 0.01)) job.status = SUSPENDED;
        taken.add(slot);
        state.jobs.push(job);
      }
      vm.idleSince = -1;
    }
    while (state.jobs.length < state.targetJobs) {
      const job = this.#newJob(pick(rng, VM_TYPES), state.clock - randInt(rng, 60, 2 * 86_400));
      if (chance(rng, 0.03)) this.#hold(rng, job);
      state.jobs.push(job);
    }
  }

  #hold(rng: Rng, job: SimJob): void {
    job.lastStatus = job.status;
    if (job.host) job.lastHost = job.host;
    job.host = null;
    job.status = HELD;
    job.entered = this.state.clock;
    job.holdReason = pick(rng, HOLD_REASONS);
  }

  #finish(job: SimJob, status: typeof COMPLETED | typeof REMOVED): void {
    job.lastStatus = job.status;
    if (job.host) job.lastHost = job.host;
    job.host = null;
    job.status = status;
    job.entered = this.state.clock;
    // Visible in condor_q for one more minute, then gone to the history file.
    job.leaveAt = this.state.clock + 60;
  }

  /** Advances the simulated clock by `seconds` and lets VMs and jobs move on. */
  step(seconds = 60): void {
    const rng = this.#rng;
    const { state } = this;
    state.clock += seconds;
    state.steps++;
    const now = state.clock;
    state.jobs = state.jobs.filter(
      (j) => !((j.status === COMPLETED || j.status === REMOVED) && j.leaveAt <= now),
    );

    for (const job of state.jobs) {
      if (job.status === RUNNING) {
        // Per minute, 1 in 2000 running jobs is held and as many are suspended.
        const p = 0.0005 * (seconds / 60);
        const r = rng();
        if (now >= job.runUntil) this.#finish(job, COMPLETED);
        else if (r < p) this.#hold(rng, job);
        else if (r < 2 * p) {
          job.lastStatus = RUNNING;
          job.status = SUSPENDED;
          job.entered = now;
        }
      } else if (job.status === SUSPENDED && chance(rng, 0.3)) {
        job.lastStatus = SUSPENDED;
        job.status = RUNNING;
        job.entered = now;
      } else if (job.status === HELD && now - job.entered > 1800 && chance(rng, 0.2)) {
        if (chance(rng, 0.5)) {
          job.lastStatus = HELD;
          job.status = IDLE;
          job.entered = now;
          job.holdReason = null;
        } else this.#finish(job, REMOVED);
      }
    }
    this.#stepVms(rng, now);
    this.#match(rng);
    this.#boot(rng);
    const queued = state.jobs.filter((j) => j.status !== COMPLETED && j.status !== REMOVED).length;
    for (let i = queued; i < state.targetJobs; i++) state.jobs.push(this.#newJob(pick(rng, VM_TYPES), now));
  }

  #stepVms(rng: Rng, now: number): void {
    const busy = new Set<string>();
    for (const job of this.state.jobs)
      if (occupies(job) && job.host) busy.add(job.host.slice(job.host.indexOf('@') + 1));
    this.state.vms = this.state.vms.filter((vm) => {
      const isBusy = busy.has(`${vm.hostname}.novalocal`);
      if (vm.status === 'Starting' && now >= vm.readyAt) {
        vm.status = chance(rng, 0.97) ? 'Running' : 'Error';
        vm.since = now;
        vm.idleSince = now;
      } else if (vm.status === 'Error') {
        return now - vm.since < ERROR_CLEANUP_SECONDS;
      } else if (vm.status === 'Running') {
        if (vm.retiring && !isBusy) return false;
        if (isBusy) vm.idleSince = -1;
        else if (vm.idleSince < 0) vm.idleSince = now;
        else if (now - vm.idleSince > IDLE_RETIRE_SECONDS) vm.retiring = true;
      }
      return true;
    });
  }

  /** Condor's negotiator, oldest jobs first: idle jobs onto free slots of VMs of their type. */
  #match(rng: Rng): void {
    const taken = new Set<string>();
    for (const job of this.state.jobs) if (occupies(job) && job.host) taken.add(job.host);
    const free = new Map<string, string[]>();
    for (const vm of this.state.vms) {
      const names = freeSlotNames(vm, taken);
      if (!names.length) continue;
      const list = free.get(vm.vmtype) ?? [];
      list.push(...names);
      free.set(vm.vmtype, list);
    }
    const idle = this.state.jobs.filter((j) => j.status === IDLE).sort((a, b) => a.qdate - b.qdate);
    for (const job of idle) {
      const slot = free.get(job.vmtype)?.pop();
      if (slot === undefined) continue;
      this.#start(rng, job, slot);
    }
  }

  /** Cloud Scheduler: boot VMs of the types jobs wait for, within each cloud's quota and the target size. */
  #boot(rng: Rng): void {
    const { state } = this;
    const waiting = new Map<string, number>();
    for (const job of state.jobs)
      if (job.status === IDLE) waiting.set(job.vmtype, (waiting.get(job.vmtype) ?? 0) + 1);
    const perCloud = new Map<string, number>();
    for (const vm of state.vms) perCloud.set(vm.cloud, (perCloud.get(vm.cloud) ?? 0) + 1);
    for (const vm of state.vms) {
      if (vm.status !== 'Starting') continue;
      waiting.set(vm.vmtype, (waiting.get(vm.vmtype) ?? 0) - jobSlots(vmTypeOf(vm.vmtype)));
    }
    // Boot a few per step, like a real scheduler cycle; never beyond the target size.
    let budget = Math.max(1, Math.ceil(state.targetVms / 50));
    for (const type of VM_TYPES) {
      let need = waiting.get(type.name) ?? 0;
      while (need > 0 && budget > 0 && state.vms.length < state.targetVms) {
        // The enabled cloud with the most free quota, so VMs spread as Cloud Scheduler's balancing does.
        let cloud: SimCloud | undefined;
        let room = 0;
        for (const c of state.clouds) {
          const free = c.maxSlots - (perCloud.get(c.name) ?? 0);
          if (c.enabled && free > room) {
            cloud = c;
            room = free;
          }
        }
        if (!cloud) return;
        state.vms.push(this.#newVm(rng, cloud, type, 'Starting', 0));
        perCloud.set(cloud.name, (perCloud.get(cloud.name) ?? 0) + 1);
        need -= jobSlots(type);
        budget--;
      }
    }
  }
}
