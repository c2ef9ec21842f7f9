import { describe, expect, it } from 'vitest';
import {
  agoText,
  atToSlider,
  DEFAULT_SPAN,
  formatLocalDateTime,
  parseAt,
  pastBannerText,
  pickedAt,
  presetAt,
  SPANS,
  sliderRange,
  sliderToAt,
  spanFor,
  TRAVEL_PRESETS,
  withAt,
} from './timeTravel.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = 1_790_000_000_000;

describe('parseAt', () => {
  it('reads a whole epoch ms', () => {
    expect(parseAt('?at=1790000000000')).toBe(1_790_000_000_000);
    expect(parseAt('?q=web&at=0')).toBe(0);
    expect(parseAt('at=42&kiosk=1')).toBe(42);
  });

  it('is live (null) when absent or unreadable', () => {
    for (const s of ['', '?', '?at=', '?at=abc', '?at=-5', '?at=1.5', '?at=1e12', '?at=99999999999999999999'])
      expect(parseAt(s)).toBeNull();
  });
});

describe('withAt', () => {
  it('sets at and keeps the path, the other parameters and the hash', () => {
    expect(withAt('/', 5)).toBe('/?at=5');
    expect(withAt('/grids/g1?kiosk=1#x', 7)).toBe('/grids/g1?kiosk=1&at=7#x');
    expect(withAt('/?at=1&q=a', 2)).toBe('/?at=2&q=a');
    expect(withAt('/?at=1', 2.6)).toBe('/?at=3');
  });

  it('clears at for live', () => {
    expect(withAt('/?at=1', null)).toBe('/');
    expect(withAt('/?q=a%20b&at=1&kiosk=1', null)).toBe('/?q=a+b&kiosk=1');
    expect(withAt('/grids/g?at=1#h', null)).toBe('/grids/g#h');
  });

  it('round-trips with parseAt', () => {
    const href = withAt('/grids/a%20b?x=1', 123456);
    expect(parseAt(href.slice(href.indexOf('?')))).toBe(123456);
  });
});

describe('slider', () => {
  it('spans 7 days by default and widens to reach an older moment', () => {
    expect(spanFor(NOW, null)).toBe(DEFAULT_SPAN);
    expect(spanFor(NOW, NOW - 3 * DAY)).toBe(7 * DAY);
    expect(spanFor(NOW, NOW - 7 * DAY)).toBe(7 * DAY);
    expect(spanFor(NOW, NOW - 8 * DAY)).toBe(30 * DAY);
    expect(spanFor(NOW, NOW - 200 * DAY)).toBe(365 * DAY);
    expect(spanFor(NOW, NOW - HOUR, 90 * DAY)).toBe(90 * DAY);
    expect(spanFor(NOW, 0)).toBe(NOW);
    expect(SPANS[0]).toBe(DEFAULT_SPAN);
  });

  it('has minute steps over 7 days and at most ~10k steps over wider spans', () => {
    const r = sliderRange(NOW, 7 * DAY);
    expect(r).toEqual({ from: NOW - 7 * DAY, to: NOW, step: MIN });
    for (const span of SPANS) {
      const w = sliderRange(NOW, span);
      expect(w.to).toBe(NOW);
      expect(w.from).toBeLessThanOrEqual(NOW - span);
      expect((w.to - w.from) / w.step).toBeLessThanOrEqual(10_080);
      expect(Number.isInteger((w.to - w.from) / w.step)).toBe(true);
    }
  });

  it('maps live to the right end and a moment to itself, clamped', () => {
    const r = sliderRange(NOW, 7 * DAY);
    expect(atToSlider(null, r)).toBe(NOW);
    expect(atToSlider(NOW - HOUR, r)).toBe(NOW - HOUR);
    expect(atToSlider(NOW - 30 * DAY, r)).toBe(r.from);
    expect(atToSlider(NOW + HOUR, r)).toBe(NOW);
  });

  it('maps the right end to live and other values to moments', () => {
    const r = sliderRange(NOW, 7 * DAY);
    expect(sliderToAt(NOW, r)).toBeNull();
    expect(sliderToAt(NOW - 20_000, r)).toBeNull();
    expect(sliderToAt(NOW - MIN, r)).toBe(NOW - MIN);
    expect(sliderToAt(r.from - DAY, r)).toBe(r.from);
    expect(sliderToAt(Number.NaN, r)).toBeNull();
    for (const at of [r.from, NOW - DAY, NOW - 5 * MIN]) expect(sliderToAt(atToSlider(at, r), r)).toBe(at);
  });
});

describe('presets and the picker', () => {
  it('go back from now; "now" is live', () => {
    expect(TRAVEL_PRESETS.map((p) => p.label)).toEqual(['now', '−1 h', '−24 h', '−7 d']);
    expect(TRAVEL_PRESETS.map((p) => presetAt(p, NOW))).toEqual([null, NOW - HOUR, NOW - DAY, NOW - 7 * DAY]);
  });

  it('a picked moment in the future (or now) is live', () => {
    expect(pickedAt(NOW - HOUR, NOW)).toBe(NOW - HOUR);
    expect(pickedAt(NOW, NOW)).toBeNull();
    expect(pickedAt(NOW + DAY, NOW)).toBeNull();
    expect(pickedAt(null, NOW)).toBeNull();
  });
});

describe('banner text', () => {
  it('shows the local date and time and how long ago', () => {
    const at = new Date(2026, 10, 22, 9, 5, 3).getTime();
    expect(formatLocalDateTime(at)).toBe('2026-11-22 09:05:03');
    expect(pastBannerText(at, at + 3 * HOUR + 5 * MIN)).toBe(
      'Viewing the past: 2026-11-22 09:05:03 (3 h 5 min ago)',
    );
  });

  it('says how far back in two units at most', () => {
    expect(agoText(NOW - 10_000, NOW)).toBe('less than a minute ago');
    expect(agoText(NOW - 5 * MIN, NOW)).toBe('5 min ago');
    expect(agoText(NOW - 2 * HOUR, NOW)).toBe('2 h ago');
    expect(agoText(NOW - 2 * DAY, NOW)).toBe('2 d ago');
    expect(agoText(NOW - 2 * DAY - 4 * HOUR - 3 * MIN, NOW)).toBe('2 d 4 h ago');
  });
});
