/** Reading and changing the sim's alarm states; independent of the client's mapping on purpose. */
import type { Alarm, Entity } from '../../model.js';
import { makeLatest } from './generate.js';
import { chance, pick, type Rng } from './random.js';
import type { SimEntity, SimState, SimTenant } from './types.js';

export class SimNotFoundError extends Error {}

/** What a correct client must show for this tenant, sorted by entity id. */
export function truthOf(tenant: SimTenant): Entity[] {
  return tenant.entities.map((e) => {
    const checks = new Map(e.checks.map((c) => [c.id, c]));
    const alarms: Alarm[] = e.alarms.map((a) => {
      const check = checks.get(a.checkId);
      return {
        id: a.id,
        label: a.label ?? a.id,
        state: a.latest?.state ?? 'UNKNOWN',
        status: a.latest?.status ?? null,
        since: a.latest?.timestamp ?? null,
        checkId: a.checkId,
        checkLabel: check?.label ?? null,
        checkType: check?.type ?? null,
      };
    });
    return { id: e.id, label: e.label, alarms };
  });
}

export function setAlarm(
  tenant: SimTenant,
  entityId: string,
  alarmId: string,
  state: SimState | null,
  status: string | undefined,
  at: number,
  rng: Rng,
): void {
  const entity = tenant.byId.get(entityId);
  if (!entity) throw new SimNotFoundError(`No entity ${entityId} in tenant ${tenant.account.tenantId}`);
  const alarm = entity.alarms.find((a) => a.id === alarmId);
  if (!alarm) throw new SimNotFoundError(`No alarm ${alarmId} on entity ${entityId}`);
  if (state === null) alarm.latest = null;
  else {
    const latest = makeLatest(rng, alarm.template, state, at, alarm.latest?.state ?? null);
    if (status !== undefined) latest.status = status;
    alarm.latest = latest;
  }
  delete entity.json;
  tenant.pages.clear();
}

/** Problems tend to clear: a non-OK alarm goes back to OK more often than it gets worse. */
function nextState(rng: Rng, current: SimState | null): SimState {
  if (current === null || current === 'OK') return chance(rng, 0.6) ? 'WARNING' : 'CRITICAL';
  if (chance(rng, 0.7)) return 'OK';
  return current === 'WARNING' ? 'CRITICAL' : 'WARNING';
}

export interface SimChange {
  tenantId: string;
  entityId: string;
  alarmId: string;
  state: SimState;
}

export function randomChanges(
  tenants: readonly SimTenant[],
  count: number,
  at: number,
  rng: Rng,
): SimChange[] {
  const changes: SimChange[] = [];
  for (let i = 0; i < count && tenants.length > 0; i++) {
    const tenant = pick(rng, tenants);
    if (tenant.entities.length === 0) continue;
    const entity: SimEntity = pick(rng, tenant.entities);
    if (entity.alarms.length === 0) continue;
    const alarm = pick(rng, entity.alarms);
    const state = nextState(rng, alarm.latest?.state ?? null);
    setAlarm(tenant, entity.id, alarm.id, state, undefined, at, rng);
    changes.push({ tenantId: tenant.account.tenantId, entityId: entity.id, alarmId: alarm.id, state });
  }
  return changes;
}
