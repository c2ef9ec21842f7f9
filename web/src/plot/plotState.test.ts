import { describe, expect, it } from 'vitest';
import { plotOf, plotPageHref, plotSearch, queryPath, readPlotState, windowOf } from './plotState.js';

describe('plot state in the URL', () => {
  it('reads several matches, the preset, a fixed window and the overlay', () => {
    const s = readPlotState('?match=a%7Bx%3D%221%22%7D&match=b&range=7d&from=1000&to=2000&prev=1');
    expect(s).toEqual({
      matches: ['a{x="1"}', 'b'],
      range: '7d',
      window: { from: 1000, to: 2000 },
      prev: true,
    });
  });

  it('falls back to 24 h and no fixed window on missing or bad values', () => {
    expect(readPlotState('?match=a&range=3d&from=2000&to=1000')).toEqual({
      matches: ['a'],
      range: '24h',
      window: null,
      prev: false,
    });
    expect(readPlotState('?from=abc&to=1').window).toBeNull();
    expect(readPlotState('?match=&match=%20').matches).toEqual([]);
  });

  it('round-trips', () => {
    const s = {
      matches: ['m{a="x&y"}', 'n'],
      range: 'prev-week' as const,
      window: { from: -5, to: 9 },
      prev: true,
    };
    expect(readPlotState(plotSearch(s))).toEqual(s);
    expect(plotPageHref(plotOf('m'))).toBe('/plot?match=m&range=24h');
  });

  it('takes the fixed window over the preset', () => {
    const now = 10 * 86_400_000;
    expect(windowOf(plotOf('m', '1h'), now)).toEqual({ from: now - 3_600_000, to: now });
    expect(windowOf({ ...plotOf('m'), window: { from: 1, to: 2 } }, now)).toEqual({ from: 1, to: 2 });
  });

  it('builds the query path', () => {
    expect(queryPath('m{a="b"}', { from: 1, to: 2 }, 300)).toBe(
      '/series/query?match=m%7Ba%3D%22b%22%7D&from=1&to=2&points=300',
    );
  });
});
