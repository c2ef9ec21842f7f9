import type { AlarmState, Entity } from '../model.js';
import type { AlarmTransition } from '../store/types.js';

export interface EntityDiff {
  upsert: Entity[];
  remove: string[];
  transitions: AlarmTransition[];
}

function sameEntity(a: Entity, b: Entity): boolean {
  if (a.label !== b.label || a.alarms.length !== b.alarms.length) return false;
  return a.alarms.every((x, i) => {
    const y = b.alarms[i];
    return (
      y !== undefined &&
      x.id === y.id &&
      x.state === y.state &&
      x.status === y.status &&
      x.since === y.since &&
      x.label === y.label &&
      x.checkId === y.checkId &&
      x.checkLabel === y.checkLabel &&
      x.checkType === y.checkType
    );
  });
}

/**
 * What changed between the previous poll and this one. A first sighting of an alarm is logged as a
 * transition from null so the timeline has a start; an unchanged entity costs one comparison.
 */
export function diffEntities(
  sourceId: string,
  previous: ReadonlyMap<string, Entity>,
  next: readonly Entity[],
  at: number,
): EntityDiff {
  const diff: EntityDiff = { upsert: [], remove: [], transitions: [] };
  const seen = new Set<string>();
  for (const entity of next) {
    seen.add(entity.id);
    const before = previous.get(entity.id);
    if (before && sameEntity(before, entity)) continue;
    diff.upsert.push(entity);
    const oldStates = new Map<string, AlarmState>(before?.alarms.map((a) => [a.id, a.state]));
    for (const alarm of entity.alarms) {
      const from = oldStates.get(alarm.id) ?? null;
      if (from !== alarm.state) {
        diff.transitions.push({
          sourceId,
          entityId: entity.id,
          alarmId: alarm.id,
          from,
          to: alarm.state,
          at: alarm.since ?? at,
        });
      }
    }
  }
  for (const id of previous.keys()) if (!seen.has(id)) diff.remove.push(id);
  return diff;
}
