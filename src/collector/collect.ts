/** One collection: run the three commands side by side and build a valid snapshot from what answered. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import {
  type GridSnapshot,
  MAX_JOBS,
  MAX_SLOTS,
  MAX_VMS,
  SNAPSHOT_VERSION,
  validateSnapshot,
} from '../sources/grid/snapshot.js';
import { packageRoot } from '../util/package-root.js';
import {
  CLOUD_STATUS_CLOUDS_ARGS,
  CLOUD_STATUS_JSON_ARGS,
  CLOUD_STATUS_VMS_ARGS,
  type CloudStatus,
  cloudStatusDown,
  mergeTextStatus,
  parseCloudStatusClouds,
  parseCloudStatusJson,
  parseCloudStatusVms,
} from './cloud-status.js';
import {
  condorQArgs,
  condorStatusArgs,
  type Parsed,
  parseClassAdJson,
  parseJobs,
  parseSlots,
} from './condor.js';
import { CommandError, oneLine } from './errors.js';
import { exitMessage, type RunLimits, readSysinfo, runCommand } from './run.js';

export interface CommandPaths {
  condorStatus: string;
  condorQ: string;
  cloudStatus: string;
}

export const DEFAULT_PATHS: CommandPaths = {
  condorStatus: 'condor_status',
  condorQ: 'condor_q',
  cloudStatus: 'cloud_status',
};

export interface CollectOptions {
  grid: string;
  paths: CommandPaths;
  limits?: RunLimits;
  /** Whose filesystem's free space goes into sysinfo (the spool's). */
  diskPath: string;
  now?: () => number;
}

export interface Collected {
  snapshot: GridSnapshot;
  /** Commands that failed outright (their lists in the snapshot are empty because unknown). */
  failed: string[];
}

let cachedVersion: string | undefined;
export function collectorVersion(): string {
  cachedVersion ??= (
    JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }
  ).version;
  return cachedVersion;
}

async function readCondor(path: string, args: string[], label: string, limits?: RunLimits) {
  const out = await runCommand(path, args, limits);
  if (out.code !== 0) throw new CommandError(label, exitMessage(label, out));
  return parseClassAdJson(out.stdout, `${label} -json`);
}

async function readCloudStatus(path: string, limits?: RunLimits): Promise<CloudStatus> {
  const json = await runCommand(path, CLOUD_STATUS_JSON_ARGS, limits);
  const down = cloudStatusDown(`${json.stdout}\n${json.stderr}`);
  if (down) throw new CommandError('cloud_status', `cloud_status: ${down}`);
  let jsonError: string;
  if (json.code === 0) {
    try {
      return parseCloudStatusJson(json.stdout);
    } catch (err) {
      jsonError = (err as Error).message;
    }
  } else {
    jsonError = exitMessage('cloud_status -a -j', json);
  }
  // Older cloud_status builds have no -j: the text tables carry the same VMs (quotas only from 1.12 on).
  try {
    const [a, m] = await Promise.all([
      runCommand(path, CLOUD_STATUS_CLOUDS_ARGS, limits),
      runCommand(path, CLOUD_STATUS_VMS_ARGS, limits),
    ]);
    for (const [out, label] of [
      [a, 'cloud_status -a'],
      [m, 'cloud_status -m'],
    ] as const) {
      if (out.code !== 0) throw new CommandError('cloud_status', exitMessage(label, out));
    }
    return mergeTextStatus(parseCloudStatusClouds(a.stdout), parseCloudStatusVms(m.stdout));
  } catch (err) {
    throw new CommandError('cloud_status', `${jsonError}; text fallback: ${(err as Error).message}`);
  }
}

function skippedNote(what: string, skipped: string[]): string {
  return oneLine(`skipped ${skipped.length} ${what}: ${skipped.slice(0, 3).join('; ')}`, 500);
}

function capped<T>(p: Parsed<T>, max: number, what: string): Parsed<T> {
  if (p.items.length <= max) return p;
  return { items: p.items.slice(0, max), skipped: [...p.skipped, `more than ${max} ${what}`] };
}

export async function collectSnapshot(opts: CollectOptions): Promise<Collected> {
  const now = opts.now ?? Date.now;
  const { paths, limits } = opts;
  const [slots, jobs, cloud, sysinfo] = await Promise.allSettled([
    readCondor(paths.condorStatus, condorStatusArgs(), 'condor_status', limits).then(parseSlots),
    readCondor(paths.condorQ, condorQArgs(), 'condor_q', limits).then(parseJobs),
    readCloudStatus(paths.cloudStatus, limits),
    readSysinfo(opts.diskPath),
  ]);
  const partial: Record<string, string> = {};
  const failed: string[] = [];
  const take = <T>(r: PromiseSettledResult<T>, command: string): T | undefined => {
    if (r.status === 'fulfilled') return r.value;
    failed.push(command);
    partial[command] = oneLine((r.reason as Error).message, 1000);
    return undefined;
  };
  const s = take(slots, 'condor_status');
  const j = take(jobs, 'condor_q');
  const c = take(cloud, 'cloud_status');
  const slotList = capped(s ?? { items: [], skipped: [] }, MAX_SLOTS, 'slots');
  const jobList = capped(j ?? { items: [], skipped: [] }, MAX_JOBS, 'jobs');
  const vmList = capped({ items: c?.vms ?? [], skipped: c?.skipped ?? [] }, MAX_VMS, 'VMs');
  if (slotList.skipped.length) partial['condor_status:records'] = skippedNote('slots', slotList.skipped);
  if (jobList.skipped.length) partial['condor_q:records'] = skippedNote('jobs', jobList.skipped);
  if (vmList.skipped.length) partial['cloud_status:records'] = skippedNote('VMs', vmList.skipped);

  const snapshot: GridSnapshot = {
    version: SNAPSHOT_VERSION,
    grid: opts.grid,
    snapshotId: randomUUID(),
    collectedAt: now(),
    collector: { version: collectorVersion(), host: os.hostname() },
    sysinfo:
      sysinfo.status === 'fulfilled'
        ? sysinfo.value
        : {
            load1: 0,
            load5: 0,
            load15: 0,
            cpus: 0,
            memTotal: 0,
            memFree: 0,
            swapTotal: 0,
            swapFree: 0,
            diskTotal: 0,
            diskFree: 0,
          },
    clouds: c?.clouds ?? [],
    vms: vmList.items,
    slots: slotList.items,
    jobs: jobList.items,
  };
  if (Object.keys(partial).length) snapshot.partial = partial;
  return { snapshot: dropInvalidRecords(snapshot), failed };
}

const RECORD_PATH = /^\/(clouds|vms|slots|jobs)\/(\d+)(\/|$)/;
const COMMAND_OF = { clouds: 'cloud_status', vms: 'cloud_status', slots: 'condor_status', jobs: 'condor_q' };

/**
 * A single odd record (an over-long host name, say) must not cost the whole snapshot: drop the
 * records the schema refuses, note them as partial, and keep the rest.
 */
export function dropInvalidRecords(snapshot: GridSnapshot, maxDrops = 100): GridSnapshot {
  for (let i = 0; i <= maxDrops; i++) {
    const result = validateSnapshot(snapshot);
    if (result.ok) return snapshot;
    const m = RECORD_PATH.exec(result.error);
    if (!m?.[1] || i === maxDrops) throw new Error(`collector built an invalid snapshot: ${result.error}`);
    const list = m[1] as keyof typeof COMMAND_OF;
    snapshot[list].splice(Number(m[2]), 1);
    const key = `${COMMAND_OF[list]}:records`;
    snapshot.partial = {
      ...snapshot.partial,
      [key]: oneLine(`${snapshot.partial?.[key] ?? ''} invalid ${result.error}`, 1000),
    };
  }
  return snapshot;
}
