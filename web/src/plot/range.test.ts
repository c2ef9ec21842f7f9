import { describe, expect, it } from 'vitest';
import {
  fromLocalInput,
  isPreset,
  MAX_POINTS,
  PRESETS,
  panWindow,
  pointsFor,
  presetRange,
  previousWindow,
  toLocalInput,
  zoomWindow,
} from './range.js';

const local = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(y, m - 1, d, h, mi).getTime();
const MIN = 60_000;
const DAY = 86_400_000;

describe('presetRange', () => {
  const now = local(2024, 3, 13, 15, 30); // a Wednesday

  it.each([
    ['5m', 5 * MIN],
    ['15m', 15 * MIN],
    ['1h', 60 * MIN],
    ['6h', 360 * MIN],
    ['24h', DAY],
    ['7d', 7 * DAY],
    ['30d', 30 * DAY],
    ['90d', 90 * DAY],
  ] as const)('%s ends now and lasts its length', (name, len) => {
    expect(presetRange(name, now)).toEqual({ from: now - len, to: now });
  });

  it('counts years on the calendar, 29 February falling back to the 28th', () => {
    expect(presetRange('1y', now)).toEqual({ from: local(2023, 3, 13, 15, 30), to: now });
    expect(presetRange('2y', now).from).toBe(local(2022, 3, 13, 15, 30));
    expect(presetRange('5y', now).from).toBe(local(2019, 3, 13, 15, 30));
    const leap = local(2024, 2, 29, 8);
    expect(presetRange('1y', leap).from).toBe(local(2023, 2, 28, 8));
    expect(presetRange('2y', leap).from).toBe(local(2022, 2, 28, 8));
  });

  it('yesterday is the whole previous local day', () => {
    expect(presetRange('yesterday', now)).toEqual({ from: local(2024, 3, 12), to: local(2024, 3, 13) });
    expect(presetRange('yesterday', local(2024, 3, 1, 0, 5))).toEqual({
      from: local(2024, 2, 29),
      to: local(2024, 3, 1),
    });
    expect(presetRange('yesterday', local(2024, 1, 1, 9))).toEqual({
      from: local(2023, 12, 31),
      to: local(2024, 1, 1),
    });
  });

  it('previous week runs Monday to Monday', () => {
    expect(presetRange('prev-week', now)).toEqual({ from: local(2024, 3, 4), to: local(2024, 3, 11) });
    // On a Monday: the week that just ended.
    expect(presetRange('prev-week', local(2024, 3, 11, 0, 1))).toEqual({
      from: local(2024, 3, 4),
      to: local(2024, 3, 11),
    });
    // On a Sunday: still the week before the current one, across a year end.
    expect(presetRange('prev-week', local(2024, 1, 7, 23))).toEqual({
      from: local(2023, 12, 25),
      to: local(2024, 1, 1),
    });
  });

  it('previous month and year are whole calendar ones', () => {
    expect(presetRange('prev-month', now)).toEqual({ from: local(2024, 2, 1), to: local(2024, 3, 1) });
    expect(presetRange('prev-month', local(2024, 1, 15))).toEqual({
      from: local(2023, 12, 1),
      to: local(2024, 1, 1),
    });
    expect(presetRange('prev-year', now)).toEqual({ from: local(2023, 1, 1), to: local(2024, 1, 1) });
    expect(presetRange('prev-year', local(2024, 1, 1, 0, 0))).toEqual({
      from: local(2023, 1, 1),
      to: local(2024, 1, 1),
    });
  });

  it('every preset gives a non-empty window', () => {
    for (const p of PRESETS) {
      const w = presetRange(p.name, now);
      expect(w.to).toBeGreaterThan(w.from);
      expect(isPreset(p.name)).toBe(true);
    }
    expect(isPreset('3d')).toBe(false);
    expect(isPreset(null)).toBe(false);
  });
});

describe('windows', () => {
  it('pans by half a window and finds the previous period', () => {
    expect(panWindow({ from: 1000, to: 2000 }, -1)).toEqual({ from: 500, to: 1500 });
    expect(panWindow({ from: 1000, to: 2000 }, 1)).toEqual({ from: 1500, to: 2500 });
    expect(previousWindow({ from: 1000, to: 2500 })).toEqual({ from: -500, to: 1000 });
  });

  it('orders a drag and keeps at least 10 s', () => {
    expect(zoomWindow(50_000.4, 1000.6)).toEqual({ from: 1001, to: 50_000 });
    expect(zoomWindow(100_000, 20_000)).toEqual({ from: 20_000, to: 100_000 });
    expect(zoomWindow(1000, 3000)).toEqual({ from: -3000, to: 7000 });
  });
});

describe('pointsFor', () => {
  it('asks one bucket per 3 pixels, within the server cap', () => {
    expect(pointsFor(900)).toBe(300);
    expect(pointsFor(1000)).toBe(333);
    expect(pointsFor(1)).toBe(2);
    expect(pointsFor(0)).toBe(0);
    expect(pointsFor(Number.NaN)).toBe(0);
    expect(pointsFor(1e6)).toBe(MAX_POINTS);
  });
});

describe('datetime-local values', () => {
  it('round-trips local minutes', () => {
    const t = local(2024, 2, 29, 7, 5);
    expect(toLocalInput(t)).toBe('2024-02-29T07:05');
    expect(fromLocalInput('2024-02-29T07:05')).toBe(t);
    expect(fromLocalInput('2024-02-29T07:05:30')).toBe(t + 30_000);
  });

  it('refuses what is not a date', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('2023-02-29T10:00')).toBeNull();
    expect(fromLocalInput('yesterday')).toBeNull();
  });
});
