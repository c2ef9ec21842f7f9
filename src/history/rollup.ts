/** Rollup tiers, by bucket width; buckets are aligned to the epoch. */
export const TIER_MS = { raw: 0, '5m': 300_000, '1h': 3_600_000 } as const;
export type Tier = keyof typeof TIER_MS;
export type RollupTier = Exclude<Tier, 'raw'>;
export const ROLLUP_TIERS: readonly RollupTier[] = ['5m', '1h'];

/** Columnar buckets: `t` is each bucket's start. */
export interface Buckets {
  t: number[];
  min: number[];
  max: number[];
  sum: number[];
  count: number[];
  last: number[];
}

export const emptyBuckets = (): Buckets => ({ t: [], min: [], max: [], sum: [], count: [], last: [] });

export const floorTo = (t: number, width: number): number => Math.floor(t / width) * width;

/**
 * Folds one sample into the newest bucket (or opens a new one). Samples arrive in time order, so
 * `last` is simply the newest value. NaN (Prometheus' staleness marker) stays in raw but is left
 * out of every aggregate: it has no min, max or sum worth plotting.
 */
export function addSample(b: Buckets, width: number, t: number, v: number): void {
  if (Number.isNaN(v)) return;
  const start = floorTo(t, width);
  const i = b.t.length - 1;
  if (i >= 0 && b.t[i] === start) {
    if (v < (b.min[i] ?? v)) b.min[i] = v;
    if (v > (b.max[i] ?? v)) b.max[i] = v;
    b.sum[i] = (b.sum[i] ?? 0) + v;
    b.count[i] = (b.count[i] ?? 0) + 1;
    b.last[i] = v;
    return;
  }
  if (i >= 0 && start < (b.t[i] ?? 0)) throw new Error('rollup samples must arrive in time order');
  b.t.push(start);
  b.min.push(v);
  b.max.push(v);
  b.sum.push(v);
  b.count.push(1);
  b.last.push(v);
}

/** Rollups of time-ordered samples. */
export function rollup(t: ArrayLike<number>, v: ArrayLike<number>, width: number): Buckets {
  const b = emptyBuckets();
  for (let i = 0; i < t.length; i++) addSample(b, width, t[i] ?? 0, v[i] ?? 0);
  return b;
}

export const bucketColumns = (b: Buckets): number[][] => [b.min, b.max, b.sum, b.count, b.last];

export function bucketsFromColumns(t: ArrayLike<number>, cols: ArrayLike<number>[]): Buckets {
  const [min = [], max = [], sum = [], count = [], last = []] = cols;
  return {
    t: Array.from(t),
    min: Array.from(min),
    max: Array.from(max),
    sum: Array.from(sum),
    count: Array.from(count),
    last: Array.from(last),
  };
}

/** Keeps the buckets for which `keep(start)` holds. */
export function filterBuckets(b: Buckets, keep: (start: number) => boolean): Buckets {
  const out = emptyBuckets();
  b.t.forEach((start, i) => {
    if (!keep(start)) return;
    out.t.push(start);
    out.min.push(b.min[i] ?? 0);
    out.max.push(b.max[i] ?? 0);
    out.sum.push(b.sum[i] ?? 0);
    out.count.push(b.count[i] ?? 0);
    out.last.push(b.last[i] ?? 0);
  });
  return out;
}

export function concatBuckets(a: Buckets, b: Buckets): Buckets {
  return {
    t: a.t.concat(b.t),
    min: a.min.concat(b.min),
    max: a.max.concat(b.max),
    sum: a.sum.concat(b.sum),
    count: a.count.concat(b.count),
    last: a.last.concat(b.last),
  };
}
