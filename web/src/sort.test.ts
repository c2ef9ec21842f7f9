import { describe, expect, it } from 'vitest';
import { compareAlarms, compareWorstFirst, statesOf } from './sort.js';
import type { AlarmState, AlarmView, OverviewEntity } from './types.js';

function entity(
  label: string,
  critical: number,
  warning: number,
  unknown: number,
  ok: number,
): OverviewEntity {
  return {
    id: `id-${label}`,
    label,
    counts: { critical, warning, unknown, ok, total: critical + warning + unknown + ok },
  };
}

describe('compareWorstFirst', () => {
  it('orders by critical, then warning, then unknown (all descending), then label', () => {
    const list = [
      entity('a-ok', 0, 0, 0, 5),
      entity('b-unknown', 0, 0, 2, 0),
      entity('c-warn1', 0, 1, 0, 0),
      entity('d-crit1-warn1', 1, 1, 0, 0),
      entity('e-crit2', 2, 0, 0, 0),
      entity('f-crit1', 1, 0, 0, 9),
      entity('g-warn2', 0, 2, 0, 0),
      entity('h-none', 0, 0, 0, 0),
    ];
    expect(list.sort(compareWorstFirst).map((e) => e.label)).toEqual([
      'e-crit2',
      'd-crit1-warn1',
      'f-crit1',
      'g-warn2',
      'c-warn1',
      'b-unknown',
      'a-ok',
      'h-none',
    ]);
  });

  it('sorts labels naturally and case-insensitively', () => {
    const list = [entity('web-10', 0, 0, 0, 1), entity('Web-2', 0, 0, 0, 1), entity('web-1', 0, 0, 0, 1)];
    expect(list.sort(compareWorstFirst).map((e) => e.label)).toEqual(['web-1', 'Web-2', 'web-10']);
  });

  it('breaks label ties by id so the order is stable', () => {
    const a = { ...entity('x', 0, 0, 0, 1), id: 'a' };
    const b = { ...entity('x', 0, 0, 0, 1), id: 'b' };
    expect([b, a].sort(compareWorstFirst).map((e) => e.id)).toEqual(['a', 'b']);
  });
});

describe('compareAlarms', () => {
  const alarm = (label: string, state: AlarmState): AlarmView => ({
    id: label,
    label,
    state,
    status: null,
    since: null,
    checkId: 'c',
    checkLabel: null,
    checkType: null,
  });
  it('puts the worst state first, then orders by label', () => {
    const list = [
      alarm('b', 'OK'),
      alarm('a', 'UNKNOWN'),
      alarm('z', 'CRITICAL'),
      alarm('m', 'WARNING'),
      alarm('a', 'OK'),
    ];
    expect(list.sort(compareAlarms).map((a) => `${a.state}:${a.label}`)).toEqual([
      'CRITICAL:z',
      'WARNING:m',
      'UNKNOWN:a',
      'OK:a',
      'OK:b',
    ]);
  });
});

describe('statesOf', () => {
  it('uses the server-sent states when present', () => {
    const e: OverviewEntity = { ...entity('x', 0, 1, 0, 1), states: ['WARNING', 'OK'] };
    expect(statesOf(e)).toEqual(['WARNING', 'OK']);
  });
  it('derives worst-first states from the counts otherwise', () => {
    expect(statesOf(entity('x', 1, 2, 1, 2))).toEqual([
      'CRITICAL',
      'WARNING',
      'WARNING',
      'UNKNOWN',
      'OK',
      'OK',
    ]);
  });
});
