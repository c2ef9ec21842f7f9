/** Readers for `condor_status -json` (slots) and `condor_q -allusers -json` (jobs), HTCondor >= 8.5.6. */
import type { GridJob, GridSlot, JobStatus } from '../sources/grid/snapshot.js';
import { CommandError, oneLine } from './errors.js';

/** Only what the snapshot uses: at 100,000 jobs every extra attribute costs megabytes of JSON. */
export const SLOT_ATTRIBUTES = ['Name', 'Machine', 'State', 'Activity', 'VMType', 'Cpus', 'Memory'] as const;
export const JOB_ATTRIBUTES = [
  'ClusterId',
  'ProcId',
  'Owner',
  'User',
  'JobStatus',
  'Requirements',
  'AccountingGroup',
  'QDate',
  'EnteredCurrentStatus',
  'RemoteHost',
  'LastRemoteHost',
  'HoldReason',
] as const;

export function condorStatusArgs(): string[] {
  return ['-json', '-attributes', SLOT_ATTRIBUTES.join(',')];
}

/** `-allusers`: without it condor_q shows only the invoking user's jobs. */
export function condorQArgs(): string[] {
  return ['-allusers', '-json', '-attributes', JOB_ATTRIBUTES.join(',')];
}

export type ClassAd = Record<string, unknown>;

/**
 * Parses a `-json` listing into ads with **lower-cased** attribute names (ClassAd names are
 * case-insensitive, JSON keys are not: `ClusterId` and `ClusterID` are the same attribute).
 * Empty stdout is an empty pool or queue: the tools print nothing at all when there is no ad.
 */
export function parseClassAdJson(stdout: string, command: string): ClassAd[] {
  if (stdout.trim() === '') return [];
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch (err) {
    throw new CommandError(
      command,
      `${command}: output is not JSON (${(err as Error).message}); it began "${oneLine(stdout, 60)}"`,
    );
  }
  if (!Array.isArray(doc)) throw new CommandError(command, `${command}: expected a JSON array of ClassAds`);
  return doc.map((ad, i) => {
    if (typeof ad !== 'object' || ad === null || Array.isArray(ad))
      throw new CommandError(command, `${command}: item ${i} is not a ClassAd object`);
    const out: ClassAd = {};
    for (const [k, v] of Object.entries(ad)) out[k.toLowerCase()] = v;
    return out;
  });
}

const EXPR = /^\/Expr\(([\s\S]*)\)\/$/;

/** The expression text of an unevaluated `/Expr(...)/` value, or undefined for a plain value. */
export function exprText(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  return EXPR.exec(v)?.[1];
}

/** A plain string value; expressions, null (UNDEFINED) and other types are "not a string". */
function str(v: unknown): string | null {
  return typeof v === 'string' && !EXPR.test(v) ? v : null;
}

/** Hold reasons can carry whole stack traces; the snapshot schema caps them. */
function clip(s: string | null, max: number): string | null {
  return s !== null && s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function int(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null;
}

/**
 * JobStatus codes. -json exists only since 8.5.6, which uses the modern meanings (>= 7.6):
 * 6 = transferring output (was SUBMISSION_ERR before 7.6), 7 = suspended (absent before 7.6, the
 * code C'mon 2017 crashed on). 0 (legacy "unexpanded"), 9 (blocked) and 10 (preparing) have not
 * started: idle. 8 (failed, reserved) is finished: completed.
 */
export function jobStatusOf(code: number): JobStatus | undefined {
  switch (code) {
    case 0:
    case 1:
    case 9:
    case 10:
      return 'idle';
    case 2:
      return 'running';
    case 3:
      return 'removed';
    case 4:
    case 8:
      return 'completed';
    case 5:
      return 'held';
    case 6:
      return 'transferring_output';
    case 7:
      return 'suspended';
    default:
      return undefined;
  }
}

/** Cloud Scheduler's own rule: the job's VM type is the `VMType =?= "..."` term of its Requirements. */
const VMTYPE_IN_REQUIREMENTS = /VMType\s*=\?=\s*"([^"]*)"/;

export function jobVmType(ad: ClassAd): string | null {
  const req = exprText(ad.requirements) ?? str(ad.requirements);
  return (req && VMTYPE_IN_REQUIREMENTS.exec(req)?.[1]) || null;
}

export interface Parsed<T> {
  items: T[];
  /** One reason per skipped record (first few only are kept by callers). */
  skipped: string[];
}

/** `slotN@host`, `slotN_M@host`, a bare `host`, or a glidein name with two `@`. */
export function slotMachine(name: string, machine: string | null): string {
  if (machine) return machine;
  const at = name.lastIndexOf('@');
  return at < 0 ? name : name.slice(at + 1);
}

export function parseSlots(ads: ClassAd[]): Parsed<GridSlot> {
  const items: GridSlot[] = [];
  const skipped: string[] = [];
  for (const ad of ads) {
    const name = str(ad.name);
    if (!name) {
      skipped.push('slot ad without a Name');
      continue;
    }
    items.push({
      name,
      machine: slotMachine(name, str(ad.machine)),
      state: str(ad.state) ?? 'Unknown',
      activity: str(ad.activity) ?? 'Unknown',
      vmtype: str(ad.vmtype),
      cpus: Math.max(0, int(ad.cpus) ?? 0),
      memory: Math.max(0, int(ad.memory) ?? 0),
    });
  }
  return { items, skipped };
}

export function parseJobs(ads: ClassAd[]): Parsed<GridJob> {
  const items: GridJob[] = [];
  const skipped: string[] = [];
  for (const ad of ads) {
    const cluster = int(ad.clusterid);
    const proc = int(ad.procid);
    if (cluster === null || proc === null || cluster < 0 || proc < 0) {
      skipped.push('job ad without ClusterId/ProcId');
      continue;
    }
    const id = `${cluster}.${proc}`;
    const code = int(ad.jobstatus);
    const status = code === null ? undefined : jobStatusOf(code);
    if (!status) {
      skipped.push(`job ${id}: unknown JobStatus ${JSON.stringify(ad.jobstatus ?? null)}`);
      continue;
    }
    const owner = str(ad.owner) ?? str(ad.user)?.split('@')[0] ?? '';
    const queueSec = int(ad.qdate) ?? 0;
    items.push({
      id,
      owner,
      status,
      vmtype: jobVmType(ad),
      accountingGroup: str(ad.accountinggroup),
      queueDate: Math.max(0, queueSec) * 1000,
      statusTime: Math.max(0, int(ad.enteredcurrentstatus) ?? queueSec) * 1000,
      remoteHost: str(ad.remotehost),
      lastRemoteHost: str(ad.lastremotehost),
      holdReason: clip(str(ad.holdreason), 4096),
    });
  }
  return { items, skipped };
}
