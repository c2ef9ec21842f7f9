import { type Buckets, floorTo, TIER_MS, type Tier } from './rollup.js';
import type { TierFloors } from './store.js';

/** Test helpers: the naive models the store and the query are checked against. */

export interface Sample {
  t: number;
  v: number;
}

/** Every write applied in order, one value per timestamp (last write wins), sorted. */
export function lastWriteWins(writes: Sample[][]): Sample[] {
  const m = new Map<number, number>();
  for (const batch of writes) for (const s of batch) m.set(s.t, s.v);
  return [...m].sort((a, b) => a[0] - b[0]).map(([t, v]) => ({ t, v }));
}

export interface NaiveBucket {
  start: number;
  min: number;
  max: number;
  sum: number;
  count: number;
  last: number;
}

/** Columnar buckets as rows, to compare with `naiveRollup`. */
export function bucketRows(b: Buckets): NaiveBucket[] {
  return b.t.map((start, i) => ({
    start,
    min: b.min[i] ?? Number.NaN,
    max: b.max[i] ?? Number.NaN,
    sum: b.sum[i] ?? Number.NaN,
    count: b.count[i] ?? Number.NaN,
    last: b.last[i] ?? Number.NaN,
  }));
}

/** Groups samples by bucket start, from scratch; NaN left out. */
export function naiveRollup(samples: Sample[], width: number): NaiveBucket[] {
  const out = new Map<number, NaiveBucket>();
  for (const { t, v } of samples) {
    if (Number.isNaN(v)) continue;
    const start = width ? floorTo(t, width) : t;
    const b = out.get(start);
    if (!b) out.set(start, { start, min: v, max: v, sum: v, count: 1, last: v });
    else {
      b.min = Math.min(b.min, v);
      b.max = Math.max(b.max, v);
      b.sum += v;
      b.count++;
      b.last = v;
    }
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/**
 * The query's documented rule, straight from raw samples: a sample is counted through the finest
 * tier (the chosen one or coarser) whose horizon it is past, in the query bucket holding the start
 * of its tier bucket, if that start is inside [from, to).
 */
export function naiveQuery(samples: Sample[], from: number, to: number, points: number, floors: TierFloors) {
  const step = Math.ceil((to - from) / points);
  const n = Math.ceil((to - from) / step);
  const chosen: Tier = step >= TIER_MS['1h'] ? '1h' : step >= TIER_MS['5m'] ? '5m' : 'raw';
  const ladder: Tier[] = chosen === 'raw' ? ['raw', '5m', '1h'] : chosen === '5m' ? ['5m', '1h'] : ['1h'];
  const groups: Sample[][] = Array.from({ length: n }, () => []);
  for (const s of samples) {
    const tier = ladder.find((tr) => s.t >= floors[tr]);
    if (!tier) continue;
    const start = TIER_MS[tier] ? floorTo(s.t, TIER_MS[tier]) : s.t;
    if (start < from || start >= to) continue;
    groups[Math.floor((start - from) / step)]?.push(s);
  }
  const vals = groups.map((g) => g.filter((s) => !Number.isNaN(s.v)).map((s) => s.v));
  return {
    t: groups.map((_, i) => from + i * step),
    min: vals.map((v) => (v.length ? Math.min(...v) : null)),
    max: vals.map((v) => (v.length ? Math.max(...v) : null)),
    avg: vals.map((v) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null)),
    last: vals.map((v) => (v.length ? (v.at(-1) ?? null) : null)),
  };
}
