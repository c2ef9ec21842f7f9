import { describe, expect, it } from 'vitest';
import { NEUTRAL_RING, normalizeState, ringGradient, ringKey, STATE_COLOR } from './ring.js';
import type { AlarmState } from './types.js';

/** [colour, start, end] of every stop in a gradient built by ringGradient. */
function stops(g: string): Array<[string, number, number]> {
  const inner = /^conic-gradient\((.*)\)$/.exec(g)?.[1];
  if (!inner) throw new Error(`not a conic-gradient: ${g}`);
  return inner.split(/,\s*(?![^(]*\))/).map((s) => {
    const m = /^(.*) ([\d.]+)deg ([\d.]+)deg$/.exec(s.trim());
    if (!m) throw new Error(`bad stop: ${s}`);
    return [m[1] as string, Number(m[2]), Number(m[3])];
  });
}

describe('ringGradient', () => {
  it('draws a neutral ring for a server without alarms', () => {
    expect(ringGradient([])).toBe(NEUTRAL_RING);
  });

  it('draws one full segment and no gap for a single alarm', () => {
    expect(ringGradient(['CRITICAL'])).toBe(`conic-gradient(${STATE_COLOR.CRITICAL} 0deg 360deg)`);
  });

  const cases: Array<{ states: AlarmState[]; gap: number }> = [
    { states: ['CRITICAL', 'OK'], gap: 4 },
    { states: ['CRITICAL', 'WARNING', 'UNKNOWN', 'OK', 'OK'], gap: 4 },
    { states: Array<AlarmState>(200).fill('OK'), gap: 4 },
  ];
  for (const { states, gap } of cases) {
    it(`draws ${states.length} coloured segments in order, separated by gaps`, () => {
      const s = stops(ringGradient(states, gap));
      const coloured = s.filter(([c]) => c !== 'transparent');
      expect(coloured.map(([c]) => c)).toEqual(states.map((st) => STATE_COLOR[st]));
      // Stops tile the circle with no overlap and no hole.
      expect(s[0]?.[1]).toBe(0);
      expect(s.at(-1)?.[2]).toBe(360);
      for (let i = 1; i < s.length; i++) expect(s[i]?.[1]).toBeCloseTo(s[i - 1]?.[2] as number, 1);
      // Colour and gap alternate, so no two alarms touch.
      s.forEach(([c], i) => {
        expect(c === 'transparent').toBe(i % 2 === 0);
      });
      // Every segment has the same visible length and is longer than a gap.
      const lengths = coloured.map(([, a, b]) => b - a);
      const seg = 360 / states.length;
      const g = Math.min(gap, seg / 3);
      for (const len of lengths) expect(len).toBeCloseTo(seg - g, 1);
      expect(seg - g).toBeGreaterThan(g);
    });
  }

  it('draws a state it does not know as UNKNOWN', () => {
    expect(ringGradient(['bogus' as AlarmState, 'OK'])).toBe(ringGradient(['UNKNOWN', 'OK']));
    expect(normalizeState('</style>')).toBe('UNKNOWN');
  });
});

describe('ringKey', () => {
  it('is one letter per alarm, so equal patterns share a key', () => {
    expect(ringKey([])).toBe('');
    expect(ringKey(['CRITICAL', 'WARNING', 'UNKNOWN', 'OK'])).toBe('CWUO');
    expect(ringKey(['x' as AlarmState])).toBe('U');
  });
});
