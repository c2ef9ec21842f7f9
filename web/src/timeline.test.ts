import { describe, expect, it } from 'vitest';
import { readTimelinePreset, segments, type Transition } from './timeline.js';
import type { AlarmState } from './types.js';

const cur = (o: Record<string, AlarmState>) => new Map(Object.entries(o));
const tr = (alarmId: string, from: AlarmState | null, to: AlarmState, at: number): Transition => ({
  alarmId,
  from,
  to,
  at,
});

describe('segments', () => {
  it('splits the window at each transition, starting from the first one’s `from`', () => {
    const got = segments(
      [tr('a', 'WARNING', 'CRITICAL', 400), tr('a', 'OK', 'WARNING', 100)],
      ['a'],
      0,
      1000,
      cur({ a: 'CRITICAL' }),
    );
    expect(got.get('a')).toEqual([
      { state: 'OK', from: 0, to: 100 },
      { state: 'WARNING', from: 100, to: 400 },
      { state: 'CRITICAL', from: 400, to: 1000 },
    ]);
  });

  it('uses the current state when nothing changed in the window', () => {
    const got = segments([], ['a', 'b'], 0, 1000, cur({ a: 'WARNING' }));
    expect(got.get('a')).toEqual([{ state: 'WARNING', from: 0, to: 1000 }]);
    expect(got.get('b')).toEqual([]);
  });

  it('leaves a gap before an alarm existed', () => {
    expect(segments([tr('a', null, 'OK', 250)], ['a'], 0, 1000, cur({ a: 'OK' })).get('a')).toEqual([
      { state: 'OK', from: 250, to: 1000 },
    ]);
  });

  it('ignores other alarms, drops empty segments and merges equal neighbours', () => {
    const got = segments(
      [
        tr('x', 'OK', 'CRITICAL', 10),
        tr('a', 'OK', 'OK', 300),
        tr('a', 'OK', 'CRITICAL', 0),
        tr('a', 'CRITICAL', 'UNKNOWN', 500),
        tr('a', 'UNKNOWN', 'OK', 500),
      ],
      ['a'],
      0,
      1000,
      cur({}),
    );
    expect([...got.keys()]).toEqual(['a']);
    expect(got.get('a')).toEqual([
      { state: 'CRITICAL', from: 0, to: 300 },
      { state: 'OK', from: 300, to: 1000 },
    ]);
  });

  it('takes a transition before the window as the starting state, and clips at the end', () => {
    const got = segments(
      [tr('a', 'OK', 'WARNING', -50), tr('a', 'WARNING', 'OK', 200), tr('a', 'OK', 'CRITICAL', 1000)],
      ['a'],
      0,
      1000,
      cur({ a: 'CRITICAL' }),
    );
    expect(got.get('a')).toEqual([
      { state: 'WARNING', from: 0, to: 200 },
      { state: 'OK', from: 200, to: 1000 },
    ]);
  });

  it('reads the preset', () => {
    expect(readTimelinePreset('7d')).toBe('7d');
    expect(readTimelinePreset('1y')).toBe('24h');
    expect(readTimelinePreset(null)).toBe('24h');
  });
});
