/** Pure: query answers → uPlot's columnar data and one description per drawn line. */
import { type Column, type SeriesAnswer, seriesLabel } from './answer.js';

export const PALETTE = [
  '#1f77b4',
  '#e8590c',
  '#2b8a3e',
  '#ae3ec9',
  '#c2255c',
  '#0c8599',
  '#f08c00',
  '#5c940d',
  '#4263eb',
  '#868e96',
] as const;

export type LineKind = 'min' | 'max' | 'avg' | 'prev';

export interface ChartLine {
  kind: LineKind;
  /** The series' identity, `name{labels}`. */
  label: string;
  color: string;
  /** Index of the series in `ChartData.series` (for `prev`: of the current series it matches, or -1). */
  series: number;
}

export interface ChartData {
  /** `[x, ...one column per line]`, x in epoch ms; `null` where a bucket is empty. */
  data: [number[], ...Column[]];
  lines: ChartLine[];
  /** The current series, in legend order, with their `last` column aligned to x. */
  series: { label: string; color: string; last: Column }[];
}

function align(x: readonly number[], t: readonly number[], col: Column, shift: number): Column {
  const at = new Map<number, number>();
  for (let i = 0; i < t.length; i++) at.set((t[i] as number) + shift, i);
  return x.map((v) => {
    const i = at.get(v);
    return i === undefined ? null : (col[i] ?? null);
  });
}

/**
 * Per current series: min, max (the band) and avg lines; per previous-period series (its buckets
 * moved forward by `shift` onto the current axis) a dashed avg line in its current twin's colour.
 * x is the union of every bucket start, so series with different buckets never borrow values.
 */
export function buildChart(
  current: readonly SeriesAnswer[],
  previous: readonly SeriesAnswer[] | null,
  shift: number,
): ChartData {
  const xs = new Set<number>();
  for (const s of current) for (const t of s.t) xs.add(t);
  for (const s of previous ?? []) for (const t of s.t) xs.add(t + shift);
  const x = [...xs].sort((a, b) => a - b);
  const columns: Column[] = [];
  const lines: ChartLine[] = [];
  const series: ChartData['series'] = [];
  const index = new Map<string, number>();
  current.forEach((s, i) => {
    const label = seriesLabel(s);
    const color = PALETTE[i % PALETTE.length] as string;
    index.set(label, i);
    series.push({ label, color, last: align(x, s.t, s.last, 0) });
    for (const kind of ['min', 'max', 'avg'] as const) {
      columns.push(align(x, s.t, s[kind], 0));
      lines.push({ kind, label, color, series: i });
    }
  });
  for (const s of previous ?? []) {
    const label = seriesLabel(s);
    const twin = index.get(label) ?? -1;
    columns.push(align(x, s.t, s.avg, shift));
    lines.push({
      kind: 'prev',
      label,
      color: twin < 0 ? '#868e96' : (series[twin]?.color as string),
      series: twin,
    });
  }
  return { data: [x, ...columns], lines, series };
}

/** Whether a chart has any value to draw. */
export function hasValues(c: ChartData): boolean {
  return c.data.slice(1).some((col) => (col as Column).some((v) => v !== null));
}
