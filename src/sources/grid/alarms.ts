import { createHash } from 'node:crypto';
import type { Config } from '../../config/schema.js';
import type { Alarm, AlarmState, Entity } from '../../model.js';
import type { GridSummary } from './summary.js';

type Thresholds = Config['grid'];

/** Entity ids travel in URLs: a cloud name that is not URL-safe gets a stable hashed id. */
export function cloudEntityId(cloud: string): string {
  return /^[A-Za-z0-9_.-]{1,100}$/.test(cloud)
    ? `cloud-${cloud}`
    : `cloud-${createHash('sha256').update(cloud).digest('hex').slice(0, 16)}`;
}

const level = (n: number, warn: number, crit: number): AlarmState =>
  n >= crit ? 'CRITICAL' : n >= warn ? 'WARNING' : 'OK';

function alarm(id: string, label: string, state: AlarmState, status: string, since: number): Alarm {
  return {
    id,
    label,
    state,
    status,
    since,
    checkId: `grid.${id}`,
    checkLabel: label,
    checkType: 'cmon.grid',
  };
}

/** The id of a grid's own circle: its queue and its collector, what belongs to no cloud. */
export const POOL_ENTITY_ID = 'grid-pool';

function collectorAlarm(summary: GridSummary, partial: Record<string, string> | undefined): Alarm {
  const at = summary.collectedAt;
  if (summary.stale)
    return alarm('collector', 'Collector', 'CRITICAL', `no snapshot since ${new Date(at).toISOString()}`, at);
  const missing = partial ? `partial data: ${Object.keys(partial).join(', ')}` : 'reporting';
  return alarm('collector', 'Collector', partial ? 'WARNING' : 'OK', missing, at);
}

/**
 * The wallboard's view of a grid: a circle for the pool (the collector, and the queue's held jobs,
 * which belong to no cloud until they run) and one per cloud, whose alarms derive from the latest
 * snapshot with configurable thresholds. `since` is the snapshot time: the state holds as of then.
 */
export function gridEntities(
  summary: GridSummary,
  partial: Record<string, string> | undefined,
  t: Thresholds,
): Entity[] {
  const at = summary.collectedAt;
  const collector = collectorAlarm(summary, partial);
  const errorsIn = (n: number, where: string) =>
    alarm(
      'vm-errors',
      'VMs in error',
      level(n, t.vmErrorsWarning, t.vmErrorsCritical),
      `${n} VMs in error${where}`,
      at,
    );
  const heldIn = (n: number, where: string) =>
    alarm(
      'held-jobs',
      'Held jobs',
      level(n, t.heldJobsWarning, t.heldJobsCritical),
      `${n} held jobs${where}`,
      at,
    );
  const pool: Entity = {
    id: POOL_ENTITY_ID,
    label: `${summary.name} pool`,
    alarms: [
      collector,
      heldIn(summary.jobs.held, ' in the pool'),
      errorsIn(summary.vms.error ?? 0, ' in the pool'),
    ],
  };
  const jobsWait = summary.jobs.idle > 0;
  const clouds = summary.clouds.map((c) => ({
    id: cloudEntityId(c.name),
    label: c.name,
    alarms: [
      collector,
      errorsIn(c.vms.error ?? 0, ''),
      heldIn(c.jobs.held, ''),
      alarm(
        'idle-vms',
        'Idle VMs while jobs wait',
        jobsWait && c.idleVms >= t.idleVmsWarning ? 'WARNING' : 'OK',
        `${c.idleVms} idle VMs, ${summary.jobs.idle} jobs waiting`,
        at,
      ),
    ],
  }));
  return [pool, ...clouds];
}
