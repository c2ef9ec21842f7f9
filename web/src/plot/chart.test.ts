import { describe, expect, it } from 'vitest';
import type { SeriesAnswer } from './answer.js';
import { buildChart, hasValues } from './chartData.js';
import { bandsOf, isolatedPoints, seriesOptions, shapeKey, withAlpha } from './chartOptions.js';

const s = (labels: Record<string, string>, t: number[], avg: (number | null)[]): SeriesAnswer => ({
  name: 'm',
  labels,
  t,
  min: avg.map((v) => (v === null ? null : v - 1)),
  max: avg.map((v) => (v === null ? null : v + 1)),
  avg,
  last: avg,
});

describe('buildChart', () => {
  it('lays out min, max, avg per series on the union of bucket starts, gaps kept', () => {
    const c = buildChart(
      [s({ a: '1' }, [0, 10, 20], [1, null, 3]), s({ a: '2' }, [10, 30], [5, 6])],
      null,
      0,
    );
    expect(c.data[0]).toEqual([0, 10, 20, 30]);
    expect(c.data.slice(1)).toEqual([
      [0, null, 2, null],
      [2, null, 4, null],
      [1, null, 3, null],
      [null, 4, null, 5],
      [null, 6, null, 7],
      [null, 5, null, 6],
    ]);
    expect(c.lines.map((l) => `${l.kind}:${l.series}`)).toEqual([
      'min:0',
      'max:0',
      'avg:0',
      'min:1',
      'max:1',
      'avg:1',
    ]);
    expect(c.series.map((x) => x.label)).toEqual(['m{a="1"}', 'm{a="2"}']);
    expect(c.series[1]?.last).toEqual([null, 5, null, 6]);
    expect(hasValues(c)).toBe(true);
  });

  it('moves the previous period onto the current axis, in its twin colour', () => {
    const c = buildChart(
      [s({ a: '1' }, [100, 110], [1, 2])],
      [s({ a: '1' }, [0, 10], [7, null]), s({ a: '9' }, [0], [4])],
      100,
    );
    expect(c.data[0]).toEqual([100, 110]);
    expect(c.data[4]).toEqual([7, null]);
    expect(c.data[5]).toEqual([4, null]);
    expect(c.lines[3]).toMatchObject({ kind: 'prev', series: 0, color: c.lines[0]?.color });
    expect(c.lines[4]).toMatchObject({ kind: 'prev', series: -1 });
  });

  it('has nothing to draw without series or values', () => {
    expect(hasValues(buildChart([], null, 0))).toBe(false);
    expect(hasValues(buildChart([s({}, [0, 1], [null, null])], null, 0))).toBe(false);
  });
});

describe('uPlot options', () => {
  const c = buildChart([s({ a: '1' }, [0], [1]), s({ a: '2' }, [0], [1])], [s({ a: '1' }, [0], [1])], 0);

  it('bands each series between its max and min (x is index 0)', () => {
    expect(bandsOf(c.lines).map((b) => b.series)).toEqual([
      [2, 1],
      [5, 4],
    ]);
  });

  it('draws the average solid, the previous period dashed, gaps never spanned', () => {
    const opts = c.lines.map(seriesOptions);
    expect(opts[2]).toMatchObject({ width: 2, spanGaps: false });
    expect(opts[2]?.dash).toBeUndefined();
    expect(opts[6]?.dash).toEqual([6, 4]);
    expect(withAlpha('#112233', 0.5)).toBe('#11223380');
  });

  it('changes the shape key only when the lines change', () => {
    const again = buildChart(
      [s({ a: '1' }, [5], [9]), s({ a: '2' }, [5], [9])],
      [s({ a: '1' }, [0], [1])],
      5,
    );
    expect(shapeKey(again.lines)).toBe(shapeKey(c.lines));
    expect(shapeKey(buildChart([s({ a: '1' }, [0], [1])], null, 0).lines)).not.toBe(shapeKey(c.lines));
  });
});

describe('isolatedPoints', () => {
  it('finds values with empty buckets or edges on both sides', () => {
    expect(isolatedPoints([null, 1, null, 2, 3, null, 4])).toEqual([1, 6]);
    expect(isolatedPoints([5])).toEqual([0]);
    expect(isolatedPoints([1, 2, null, null])).toBeNull();
    expect(isolatedPoints([])).toBeNull();
  });
});
