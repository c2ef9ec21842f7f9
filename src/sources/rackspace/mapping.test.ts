import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Alarm, countAlarms } from '../../model.js';
import { RackspaceError } from './errors.js';
import { mapOverviewValues, toEpochMs, toState } from './mapping.js';

const SAMPLE = new URL(
  '../../../../shared/reference/samples/rackspace_overview_capture_2014.json',
  import.meta.url,
);

const CHECK = { id: 'chA', label: 'CPU', type: 'agent.cpu' };
const ALARM = { id: 'alA', label: 'CPU usage', check_id: 'chA' };
const STATE = {
  alarm_id: 'alA',
  check_id: 'chA',
  state: 'CRITICAL',
  status: 'CPU is 99%',
  timestamp: 1410645668509,
};

function one(value: Record<string, unknown>): Alarm | undefined {
  const [entity] = mapOverviewValues([
    {
      entity: { id: 'enA', label: 'web' },
      checks: [CHECK],
      alarms: [ALARM],
      latest_alarm_states: [],
      ...value,
    },
  ]);
  return entity?.alarms[0];
}

describe('mapOverviewValues: alarms', () => {
  const cases: [name: string, value: Record<string, unknown>, expected: Partial<Alarm>][] = [
    [
      'state, status and since from the latest state',
      { latest_alarm_states: [STATE] },
      { state: 'CRITICAL', status: 'CPU is 99%', since: 1410645668509 },
    ],
    ['no state entry → UNKNOWN with nulls', {}, { state: 'UNKNOWN', status: null, since: null }],
    [
      'status missing → null',
      { latest_alarm_states: [{ ...STATE, status: undefined }] },
      { state: 'CRITICAL', status: null },
    ],
    ['status null → null', { latest_alarm_states: [{ ...STATE, status: null }] }, { status: null }],
    [
      'unknown state string → UNKNOWN',
      { latest_alarm_states: [{ ...STATE, state: 'PENDING' }] },
      { state: 'UNKNOWN' },
    ],
    [
      'literal UNKNOWN → UNKNOWN',
      { latest_alarm_states: [{ ...STATE, state: 'UNKNOWN' }] },
      { state: 'UNKNOWN' },
    ],
    [
      'lower-case state accepted',
      { latest_alarm_states: [{ ...STATE, state: 'warning' }] },
      { state: 'WARNING' },
    ],
    [
      'timestamp in seconds (docs example) → ms',
      { latest_alarm_states: [{ ...STATE, timestamp: 1321898988 }] },
      { since: 1321898988000 },
    ],
    [
      'timestamp missing → since null',
      { latest_alarm_states: [{ ...STATE, timestamp: undefined }] },
      { since: null },
    ],
    ['null label → alarm id', { alarms: [{ ...ALARM, label: null }] }, { label: 'alA' }],
    ['check label and type by check_id', {}, { checkId: 'chA', checkLabel: 'CPU', checkType: 'agent.cpu' }],
    [
      'unknown check → null label/type',
      { alarms: [{ ...ALARM, check_id: 'chX' }] },
      { checkId: 'chX', checkLabel: null, checkType: null },
    ],
    [
      'state of another alarm is ignored',
      { latest_alarm_states: [{ ...STATE, alarm_id: 'alB' }] },
      { state: 'UNKNOWN' },
    ],
    [
      'keyed by (alarm, check) first',
      { latest_alarm_states: [{ ...STATE, check_id: 'chZ', state: 'OK', timestamp: 2e12 }, STATE] },
      { state: 'CRITICAL' },
    ],
    [
      'falls back to alarm id alone',
      { latest_alarm_states: [{ ...STATE, check_id: 'chOther', state: 'WARNING' }] },
      { state: 'WARNING' },
    ],
    [
      'duplicate entries: the newer wins',
      {
        latest_alarm_states: [
          { ...STATE, state: 'OK', timestamp: 1410645668000 },
          { ...STATE, timestamp: 1410645600000 },
        ],
      },
      { state: 'OK' },
    ],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(one(value)).toMatchObject(expected);
  });
});

describe('mapOverviewValues: entities and shape', () => {
  it('keeps entities without checks or alarms', () => {
    expect(mapOverviewValues([{ entity: { id: 'enE', label: 'empty' } }])).toEqual([
      { id: 'enE', label: 'empty', alarms: [] },
    ]);
  });
  it('falls back to the id for a missing label', () => {
    expect(mapOverviewValues([{ entity: { id: 'enE' }, alarms: [] }])[0]?.label).toBe('enE');
  });
  it.each([
    ['a non-object value', [42]],
    ['null', [null]],
    ['a missing entity', [{ checks: [] }]],
    ['a missing entity id', [{ entity: { label: 'x' } }]],
    ['an alarm without id', [{ entity: { id: 'enA' }, alarms: [{ label: 'x' }] }]],
  ])('throws a protocol error on %s', (_name, values) => {
    expect(() => mapOverviewValues(values)).toThrow(RackspaceError);
    try {
      mapOverviewValues(values);
    } catch (err) {
      expect((err as RackspaceError).kind).toBe('protocol');
      expect((err as RackspaceError).message).toMatch(/^Invalid response from monitoring API: values\[0\]/);
    }
  });
});

describe('helpers', () => {
  it.each([
    [1410645668509, 1410645668509],
    [1321898988, 1321898988000],
    ['1410645668509', 1410645668509],
    [null, null],
    [undefined, null],
    [Number.NaN, null],
    [-5, null],
    ['soon', null],
  ])('toEpochMs(%j) = %j', (input, expected) => {
    expect(toEpochMs(input)).toBe(expected);
  });
  it.each([
    ['OK', 'OK'],
    ['CRITICAL', 'CRITICAL'],
    [null, 'UNKNOWN'],
    [3, 'UNKNOWN'],
  ])('toState(%j) = %s', (input, expected) => {
    expect(toState(input)).toBe(expected);
  });
});

describe('the 2014 capture (a real account)', () => {
  const body = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { values: unknown[] };
  const entities = mapOverviewValues(body.values);
  const alarms = entities.flatMap((e) => e.alarms);

  it('maps 23 entities and 50 alarms: 42 OK, 2 WARNING, 5 CRITICAL, 1 UNKNOWN', () => {
    expect(entities).toHaveLength(23);
    expect(countAlarms(alarms)).toEqual({ ok: 42, warning: 2, critical: 5, unknown: 1, total: 50 });
  });

  it('gives the never-evaluated alarm null status and since', () => {
    const unknown = alarms.filter((a) => a.state === 'UNKNOWN');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ status: null, since: null });
  });

  it('has ms timestamps, check types and entities with no alarms', () => {
    for (const a of alarms.filter((x) => x.state !== 'UNKNOWN')) expect(a.since).toBeGreaterThan(1e12);
    expect(alarms.every((a) => a.checkType !== null)).toBe(true);
    expect(entities.some((e) => e.alarms.length === 0)).toBe(true);
  });
});
