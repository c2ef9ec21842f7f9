import { describe, expect, it } from 'vitest';
import {
  alarmTotals,
  countAlarms,
  entityAriaLabel,
  entitySignature,
  filterEntities,
  formatDuration,
  formatRelative,
  formatTime,
  formatWait,
  formatWhen,
  healthOf,
  statusText,
  summarize,
} from './format.js';
import type { OverviewEntity } from './types.js';

function entity(
  label: string,
  critical: number,
  warning: number,
  unknown: number,
  ok: number,
): OverviewEntity {
  return {
    id: label,
    label,
    counts: { critical, warning, unknown, ok, total: critical + warning + unknown + ok },
  };
}

describe('healthOf / summarize', () => {
  it('classifies a server by its worst alarm', () => {
    expect(healthOf(entity('a', 1, 1, 1, 1).counts)).toBe('critical');
    expect(healthOf(entity('a', 0, 1, 1, 1).counts)).toBe('warning');
    expect(healthOf(entity('a', 0, 0, 1, 1).counts)).toBe('unknown');
    expect(healthOf(entity('a', 0, 0, 0, 1).counts)).toBe('ok');
    expect(healthOf(entity('a', 0, 0, 0, 0).counts)).toBe('none');
  });

  it('counts servers by worst state, leaving zeros out', () => {
    const list = [
      entity('a', 2, 0, 0, 0),
      entity('b', 1, 3, 0, 0),
      entity('c', 0, 1, 0, 4),
      entity('d', 0, 0, 0, 3),
      entity('e', 0, 0, 0, 1),
      entity('f', 0, 0, 0, 0),
    ];
    expect(summarize(list)).toBe('2 critical · 1 warning · 2 ok · 1 no alarms');
    expect(summarize([])).toBe('no servers');
  });
});

describe('entityAriaLabel', () => {
  it.each([
    [entity('web-01', 1, 1, 0, 3), 'web-01: 3 of 5 alarms OK, 1 critical, 1 warning'],
    [entity('db', 0, 0, 2, 0), 'db: 0 of 2 alarms OK, 2 unknown'],
    [entity('ok', 0, 0, 0, 4), 'ok: 4 of 4 alarms OK'],
    [entity('bare', 0, 0, 0, 0), 'bare: no alarms'],
  ])('%#', (e, want) => {
    expect(entityAriaLabel(e)).toBe(want);
  });
});

describe('filterEntities', () => {
  const list = [entity('Web-01', 0, 0, 0, 1), entity('db-01', 0, 0, 0, 1), entity('web-02', 0, 0, 0, 1)];
  it('matches a case-insensitive substring of the label', () => {
    expect(filterEntities(list, 'WEB').map((e) => e.label)).toEqual(['Web-01', 'web-02']);
    expect(filterEntities(list, '-01').map((e) => e.label)).toEqual(['Web-01', 'db-01']);
    expect(filterEntities(list, 'nope')).toEqual([]);
  });
  it('keeps everything (the same array) for a blank filter', () => {
    expect(filterEntities(list, '')).toBe(list);
    expect(filterEntities(list, '  ')).toBe(list);
  });
});

describe('entitySignature', () => {
  it('changes when what the circle shows changes, and only then', () => {
    const a: OverviewEntity = { ...entity('x', 0, 1, 0, 1), states: ['WARNING', 'OK'] };
    expect(entitySignature({ ...a })).toBe(entitySignature(a));
    expect(entitySignature({ ...a, label: 'y' })).not.toBe(entitySignature(a));
    expect(
      entitySignature({ ...a, states: ['OK', 'OK'], counts: { ...a.counts, warning: 0, ok: 2 } }),
    ).not.toBe(entitySignature(a));
  });
});

describe('formatRelative', () => {
  const now = 1_700_000_000_000;
  it.each([
    [now - 10_000, 'just now'],
    [now - 5 * 60_000, '5 min ago'],
    [now - 3 * 3_600_000, '3 h ago'],
    [now - 86_400_000, '1 day ago'],
    [now - 3 * 86_400_000, '3 days ago'],
    [now + 5 * 60_000, 'in 5 min'],
  ])('%s', (ms, want) => {
    expect(formatRelative(ms, now)).toBe(want);
  });
});

describe('statusText', () => {
  const base = { message: null, lastSuccessAt: null, lastErrorAt: null };
  it('says what each state means', () => {
    expect(statusText({ ...base, state: 'ok' })).toBe('ok');
    expect(statusText({ ...base, state: 'pending' })).toBe('pending');
    expect(statusText({ ...base, state: 'error', message: 'bad credentials' })).toBe(
      'error: bad credentials',
    );
    expect(statusText({ ...base, state: 'stale' })).toBe('stale');
    expect(statusText({ ...base, state: 'stale', lastSuccessAt: 0 })).toMatch(/^stale since .+/);
  });
});

describe('formatWait', () => {
  it.each([
    [0, '0 s'],
    [-3, '0 s'],
    [0.2, '1 s'],
    [42, '42 s'],
    [60, '1 min'],
    [125, '2 min 5 s'],
    [3600, '1 h'],
    [3780, '1 h 3 min'],
  ])('%d', (sec, want) => {
    expect(formatWait(sec)).toBe(want);
  });
});

describe('formatWhen', () => {
  it('reads ms and ISO strings, dashes the rest', () => {
    expect(formatWhen(null)).toBe('—');
    expect(formatWhen('')).toBe('—');
    expect(formatWhen('not a date')).toBe('—');
    expect(formatWhen(0)).toBe(formatTime(0));
    expect(formatWhen('1970-01-01T00:00:01Z')).toBe(formatTime(1000));
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [44_600, '45 s'],
    [5 * 60_000 + 20_000, '5 min'],
    [3_600_000, '1 h'],
    [2 * 3_600_000 + 5 * 60_000, '2 h 5 min'],
    [86_400_000, '1 d'],
    [3 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000, '3 d 4 h'],
  ])('%i ms → %s', (ms, want) => {
    expect(formatDuration(ms)).toBe(want);
  });
});

describe('countAlarms', () => {
  it('counts each state, an unexpected one as unknown', () => {
    const alarms = ['OK', 'CRITICAL', 'OK', 'WARNING', 'UNKNOWN', 'weird'].map((state) => ({ state }));
    expect(countAlarms(alarms)).toEqual({ ok: 2, warning: 1, critical: 1, unknown: 2, total: 6 });
    expect(countAlarms([])).toEqual({ ok: 0, warning: 0, critical: 0, unknown: 0, total: 0 });
  });
});

describe('alarmTotals', () => {
  it('sums the servers’ alarm counts', () => {
    const c = (critical: number, ok: number) => ({
      counts: { ok, warning: 1, critical, unknown: 0, total: ok + critical + 1 },
    });
    expect(alarmTotals([c(2, 3), c(0, 5)])).toEqual({
      ok: 8,
      warning: 2,
      critical: 2,
      unknown: 0,
      total: 12,
    });
    expect(alarmTotals([])).toEqual({ ok: 0, warning: 0, critical: 0, unknown: 0, total: 0 });
  });
});
