/**
 * The one message `cmon collect` sends per run (AMQP body or HTTP ingest body): everything the
 * server needs about one grid at one instant. Times are epoch milliseconds throughout.
 */
import { type Static, Type } from 'typebox';
import { Compile } from 'typebox/compile';

export const SNAPSHOT_VERSION = 1;
/** Bounds sized for the largest grids we plan for (5,000 VMs, 100,000 jobs) with headroom. */
export const MAX_CLOUDS = 1_000;
export const MAX_VMS = 20_000;
export const MAX_SLOTS = 200_000;
export const MAX_JOBS = 500_000;

export const JOB_STATUSES = [
  'idle',
  'running',
  'removed',
  'completed',
  'held',
  'transferring_output',
  'suspended',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

const Name = (maxLength = 256) => Type.String({ maxLength });
const NullableName = (maxLength = 256) => Type.Union([Type.String({ maxLength }), Type.Null()]);
const Count = Type.Number({ minimum: 0 });
const EpochMs = Type.Integer({ minimum: 0 });

/** Grid names end up in AMQP routing keys, series labels and URLs: keep them plain. */
export const GridNameSchema = Type.String({
  minLength: 1,
  maxLength: 128,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
});

const Sysinfo = Type.Object(
  {
    load1: Count,
    load5: Count,
    load15: Count,
    cpus: Type.Integer({ minimum: 0 }),
    memTotal: Count,
    memFree: Count,
    swapTotal: Count,
    swapFree: Count,
    diskTotal: Count,
    diskFree: Count,
  },
  { additionalProperties: false, description: 'collector host; memory and disk in bytes' },
);

const Cloud = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 256 }),
    type: Name(),
    enabled: Type.Boolean(),
    quota: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
      description: "Cloud Scheduler's max_slots (most VMs it may boot there); null when unknown",
    }),
  },
  { additionalProperties: false },
);

const Vm = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 256 }),
    hostname: Name(),
    vmtype: Name(),
    user: Name(),
    status: Name(64),
    overrideStatus: NullableName(64),
    cloud: Name(),
  },
  { additionalProperties: false },
);

const Slot = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 512 }),
    machine: Name(512),
    state: Name(64),
    activity: Name(64),
    vmtype: NullableName(),
    cpus: Type.Integer({ minimum: 0 }),
    memory: Type.Integer({ minimum: 0, description: 'MiB' }),
  },
  { additionalProperties: false },
);

const Job = Type.Object(
  {
    id: Type.String({ pattern: '^[0-9]+\\.[0-9]+$', maxLength: 32, description: 'ClusterId.ProcId' }),
    owner: Name(),
    status: Type.Union([
      Type.Literal('idle'),
      Type.Literal('running'),
      Type.Literal('removed'),
      Type.Literal('completed'),
      Type.Literal('held'),
      Type.Literal('transferring_output'),
      Type.Literal('suspended'),
    ]),
    vmtype: NullableName(),
    accountingGroup: NullableName(),
    queueDate: EpochMs,
    statusTime: EpochMs,
    remoteHost: NullableName(512),
    lastRemoteHost: NullableName(512),
    holdReason: NullableName(4096),
  },
  { additionalProperties: false },
);

export const GridSnapshotSchema = Type.Object(
  {
    version: Type.Literal(SNAPSHOT_VERSION),
    grid: GridNameSchema,
    snapshotId: Type.String({
      pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
    }),
    collectedAt: EpochMs,
    collector: Type.Object({ version: Name(64), host: Name() }, { additionalProperties: false }),
    sysinfo: Sysinfo,
    clouds: Type.Array(Cloud, { maxItems: MAX_CLOUDS }),
    vms: Type.Array(Vm, { maxItems: MAX_VMS }),
    slots: Type.Array(Slot, { maxItems: MAX_SLOTS }),
    jobs: Type.Array(Job, { maxItems: MAX_JOBS }),
    /**
     * What could not be read. Key `condor_status` / `condor_q` / `cloud_status`: that command failed
     * and its lists are empty because unknown, not because zero. Key `<command>:records`: some of
     * its records were skipped (the rest are there).
     */
    partial: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z_]+(:[a-z_]+)?$' }), Type.String({ maxLength: 2000 }), {
        maxProperties: 16,
        additionalProperties: false,
      }),
    ),
  },
  { additionalProperties: false },
);

export type GridSnapshot = Static<typeof GridSnapshotSchema>;
export type GridCloud = GridSnapshot['clouds'][number];
export type GridVm = GridSnapshot['vms'][number];
export type GridSlot = GridSnapshot['slots'][number];
export type GridJob = GridSnapshot['jobs'][number];
export type GridSysinfo = GridSnapshot['sysinfo'];

// Compiled once: checking 100,000 jobs with the interpreter costs seconds, compiled it is milliseconds.
const validator = Compile(GridSnapshotSchema);

export type SnapshotValidation = { ok: true; value: GridSnapshot } | { ok: false; error: string };

export function validateSnapshot(x: unknown): SnapshotValidation {
  if (validator.Check(x)) return { ok: true, value: x };
  const errors = validator.Errors(x);
  // An unknown property shows up as keyword "boolean" (the schema `false`); a wrong value is more useful first.
  const first =
    errors.find((e) => e.keyword !== 'boolean' && e.keyword !== 'additionalProperties') ??
    errors.find((e) => e.keyword === 'boolean') ??
    errors[0];
  if (!first) return { ok: false, error: 'invalid snapshot' };
  const reason = first.keyword === 'boolean' ? 'unknown property' : first.message;
  return { ok: false, error: `${first.instancePath || '/'}: ${reason}` };
}
