/** The series query's answer as the API sends it, and how its series are named. */
import { escapeLabelValue } from '../series.js';

export type Column = (number | null)[];

export interface SeriesAnswer {
  name: string;
  labels: Record<string, string>;
  /** Each bucket's start, epoch ms. */
  t: number[];
  min: Column;
  max: Column;
  avg: Column;
  last: Column;
}

export interface QueryAnswer {
  series: SeriesAnswer[];
}

/** `name{a="x",b="y"}` with the labels sorted by name: one series' identity, as Prometheus writes it. */
export function seriesLabel(s: { name: string; labels: Record<string, string> }): string {
  const keys = Object.keys(s.labels).sort();
  if (keys.length === 0) return s.name;
  return `${s.name}{${keys.map((k) => `${k}="${escapeLabelValue(s.labels[k] ?? '')}"`).join(',')}}`;
}

/** Several answers (one per selector) as one, series in order, each series once. */
export function mergeAnswers(answers: readonly QueryAnswer[]): QueryAnswer {
  const seen = new Set<string>();
  const series: SeriesAnswer[] = [];
  for (const a of answers)
    for (const s of a.series) {
      const key = seriesLabel(s);
      if (seen.has(key)) continue;
      seen.add(key);
      series.push(s);
    }
  return { series };
}
