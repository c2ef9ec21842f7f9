/** Pure: uPlot options from the drawn lines; the component creates uPlot once and feeds it. */
import type uPlot from 'uplot';
import type { ChartLine } from './chartData.js';
import type { TimeWindow } from './range.js';

export interface ChartColors {
  text: string;
  grid: string;
}

/** `#rrggbb` plus an alpha byte. */
export function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(Math.min(1, Math.max(0, alpha)) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex}${a}`;
}

/**
 * Indices of values with an empty bucket (or the edge) on both sides: a line cannot show them, so
 * they get a dot; null when there is none.
 */
export function isolatedPoints(col: ArrayLike<number | null | undefined>): number[] | null {
  const out: number[] = [];
  const empty = (i: number) => i < 0 || i >= col.length || col[i] === null || col[i] === undefined;
  for (let i = 0; i < col.length; i++) if (!empty(i) && empty(i - 1) && empty(i + 1)) out.push(i);
  return out.length > 0 ? out : null;
}

/** uPlot draws every point when they are sparse enough (`show`); otherwise only the isolated ones. */
const isolatedFilter: uPlot.Series.Points.Filter = (u, si, show) =>
  show ? null : isolatedPoints((u.data[si] ?? []) as ArrayLike<number | null>);

export function seriesOptions(line: ChartLine): uPlot.Series {
  const base = { label: `${line.label} ${line.kind}`, spanGaps: false, scale: 'y' };
  switch (line.kind) {
    case 'avg':
      return { ...base, stroke: line.color, width: 2, points: { filter: isolatedFilter } };
    case 'prev':
      return {
        ...base,
        stroke: withAlpha(line.color, 0.7),
        width: 1.5,
        dash: [6, 4],
        points: { filter: isolatedFilter },
      };
    default:
      // The band's edges: faint, so spikes stay visible without competing with the average.
      return { ...base, stroke: withAlpha(line.color, 0.35), width: 1, points: { show: false } };
  }
}

/** One band per series between its max and min lines (uPlot indices: x is 0). */
export function bandsOf(lines: readonly ChartLine[]): uPlot.Band[] {
  const bands: uPlot.Band[] = [];
  lines.forEach((l, i) => {
    if (l.kind !== 'max') return;
    const min = lines.findIndex((m) => m.kind === 'min' && m.series === l.series);
    if (min >= 0) bands.push({ series: [i + 1, min + 1], fill: withAlpha(l.color, 0.18) });
  });
  return bands;
}

/** What decides whether uPlot's series must be rebuilt rather than only fed new data. */
export function shapeKey(lines: readonly ChartLine[]): string {
  return JSON.stringify(lines.map((l) => [l.kind, l.label, l.color]));
}

export interface OptionsInput {
  width: number;
  height: number;
  colors: ChartColors;
  /** Read at each redraw: the x axis always spans the asked window, not just the data. */
  getWindow: () => TimeWindow;
  onSelect: (from: number, to: number) => void;
  onCursor: (idx: number | null) => void;
}

export function chartOptions(input: OptionsInput): uPlot.Options {
  const axis = (): uPlot.Axis => ({
    stroke: input.colors.text,
    grid: { stroke: input.colors.grid, width: 1 },
    ticks: { stroke: input.colors.grid, width: 1 },
  });
  return {
    width: input.width,
    height: input.height,
    ms: 1,
    legend: { show: false },
    cursor: { drag: { x: true, y: false, setScale: false } },
    scales: {
      x: {
        time: true,
        range: () => {
          const w = input.getWindow();
          return [w.from, w.to];
        },
      },
      y: { auto: true },
    },
    series: [{}],
    axes: [axis(), { ...axis(), size: 60 }],
    hooks: {
      setSelect: [
        (u) => {
          const { left, width } = u.select;
          if (width < 3) return;
          const a = u.posToVal(left, 'x');
          const b = u.posToVal(left + width, 'x');
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          input.onSelect(a, b);
        },
      ],
      setCursor: [(u) => input.onCursor(u.cursor.idx ?? null)],
    },
  };
}
