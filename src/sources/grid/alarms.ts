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

/**
 * The wallboard's view of a grid: a circle per cloud whose alarms are derived from the latest
 * snapshot with configurable thresholds. `since` is the snapshot time: the state holds as of then.
 */
export function gridEntities(
  summary: GridSummary,
  partial: Record<string, string> | undefined,
  t: Thresholds,
): Entity[] {
  const at = summary.collectedAt;
  const jobsWait = summary.jobs.idle > 0;
  return summary.clouds.map((c) => {
    const errors = c.vms.error ?? 0;
    const alarms: Alarm[] = [
      summary.stale
        ? alarm('collector', 'Collector', 'CRITICAL', `no snapshot since ${new Date(at).toISOString()}`, at)
        : alarm(
            'collector',
            'Collector',
            partial ? 'WARNING' : 'OK',
            partial ? `partial data: ${Object.keys(partial).join(', ')}` : 'reporting',
            at,
          ),
      alarm(
        'vm-errors',
        'VMs in error',
        level(errors, t.vmErrorsWarning, t.vmErrorsCritical),
        `${errors} VMs in error`,
        at,
      ),
      alarm(
        'held-jobs',
        'Held jobs',
        level(c.jobs.held, t.heldJobsWarning, t.heldJobsCritical),
        `${c.jobs.held} held jobs`,
        at,
      ),
      alarm(
        'idle-vms',
        'Idle VMs while jobs wait',
        jobsWait && c.idleVms >= t.idleVmsWarning ? 'WARNING' : 'OK',
        `${c.idleVms} idle VMs, ${summary.jobs.idle} jobs waiting`,
        at,
      ),
    ];
    return { id: cloudEntityId(c.name), label: c.name, alarms };
  });
}
