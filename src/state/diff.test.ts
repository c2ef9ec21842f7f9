import { describe, expect, it } from 'vitest';
import type { Alarm, AlarmState, Entity } from '../model.js';
import { diffEntities } from './diff.js';

const alarm = (id: string, state: AlarmState, since: number | null = 100): Alarm => ({
  id,
  label: id,
  state,
  status: null,
  since,
  checkId: 'ch',
  checkLabel: null,
  checkType: null,
});
const entity = (id: string, ...alarms: Alarm[]): Entity => ({ id, label: id, alarms });
const map = (...es: Entity[]) => new Map(es.map((e) => [e.id, e]));

describe('diffEntities', () => {
  it.each([
    {
      name: 'first poll: everything new, each alarm logged from null',
      prev: map(),
      next: [entity('a', alarm('x', 'OK'), alarm('y', 'UNKNOWN', null))],
      upsert: ['a'],
      remove: [],
      transitions: ['a/x:null>OK@100', 'a/y:null>UNKNOWN@999'],
    },
    {
      name: 'nothing changed',
      prev: map(entity('a', alarm('x', 'OK'))),
      next: [entity('a', alarm('x', 'OK'))],
      upsert: [],
      remove: [],
      transitions: [],
    },
    {
      name: 'a state change',
      prev: map(entity('a', alarm('x', 'OK')), entity('b')),
      next: [entity('a', alarm('x', 'CRITICAL', 500)), entity('b')],
      upsert: ['a'],
      remove: [],
      transitions: ['a/x:OK>CRITICAL@500'],
    },
    {
      name: 'status text changed but not state: upsert, no transition',
      prev: map(entity('a', alarm('x', 'OK'))),
      next: [{ ...entity('a', { ...alarm('x', 'OK'), status: 'new text' }) }],
      upsert: ['a'],
      remove: [],
      transitions: [],
    },
    {
      name: 'an entity gone',
      prev: map(entity('a'), entity('b')),
      next: [entity('a')],
      upsert: [],
      remove: ['b'],
      transitions: [],
    },
  ])('$name', ({ prev, next, upsert, remove, transitions }) => {
    const d = diffEntities('s', prev, next, 999);
    expect(d.upsert.map((e) => e.id)).toEqual(upsert);
    expect(d.remove).toEqual(remove);
    expect(d.transitions.map((t) => `${t.entityId}/${t.alarmId}:${t.from}>${t.to}@${t.at}`)).toEqual(
      transitions,
    );
  });
});
