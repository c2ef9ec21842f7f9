import type { Labels } from './labels.js';
import { type Buckets, TIER_MS, type Tier } from './rollup.js';
import type { Selector } from './selector.js';
import type { HistoryStore, TierFloors } from './store.js';

/** Points per series: ~5 px a point on an 8K-wide plot, and a bounded response. */
export const MAX_POINTS = 11_000;

export interface QuerySeries {
  name: string;
  labels: Labels;
  t: number[];
  min: (number | null)[];
  max: (number | null)[];
  avg: (number | null)[];
  last: (number | null)[];
}

export interface QueryResult {
  series: QuerySeries[];
}

/** A query the caller got wrong; `field` names the parameter. */
export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export interface Region {
  tier: Tier;
  from: number;
  to: number;
}

const COARSE_TO_FINE: readonly Tier[] = ['1h', '5m', 'raw'];

/**
 * Which tier answers which part of [from, to), oldest part first.
 *
 * The tier is the coarsest whose bucket is no wider than the step, so each query bucket is made
 * of whole tier buckets or parts of at most two. A tier bucket counts, whole, in the query
 * bucket that holds its start: the answer equals the raw computation exactly when `from` and
 * `step` are multiples of the tier's width (and `to` too, for the last bucket); otherwise a
 * sample may show up to one tier width (< one step) early. Where retention already removed the
 * chosen tier, the next coarser tier that still has the data answers; horizons are hour-aligned,
 * so no bucket is counted twice or lost at a boundary.
 */
export function planRegions(from: number, to: number, step: number, floors: TierFloors): Region[] {
  const chosen = COARSE_TO_FINE.findIndex((t) => TIER_MS[t] <= step);
  const regions: Region[] = [];
  let end = to;
  for (let i = chosen; i >= 0 && end > from; i--) {
    const tier = COARSE_TO_FINE[i] ?? 'raw';
    const start = Math.max(from, floors[tier]);
    if (start < end) regions.unshift({ tier, from: start, to: end });
    end = Math.min(end, start);
  }
  return regions;
}

export function checkQuery(from: number, to: number, points: number): number {
  if (!Number.isSafeInteger(from)) throw new QueryError('from', 'must be an integer (epoch ms)');
  if (!Number.isSafeInteger(to)) throw new QueryError('to', 'must be an integer (epoch ms)');
  if (to <= from) throw new QueryError('to', 'must be after from');
  if (!Number.isInteger(points) || points < 1) throw new QueryError('points', 'must be a positive integer');
  if (points > MAX_POINTS) throw new QueryError('points', `at most ${MAX_POINTS} per series`);
  return Math.ceil((to - from) / points);
}

class Accumulator {
  readonly min: number[];
  readonly max: number[];
  readonly sum: number[];
  readonly count: number[];
  readonly last: number[];

  constructor(
    readonly from: number,
    readonly step: number,
    readonly n: number,
  ) {
    this.min = new Array<number>(n).fill(Infinity);
    this.max = new Array<number>(n).fill(-Infinity);
    this.sum = new Array<number>(n).fill(0);
    this.count = new Array<number>(n).fill(0);
    this.last = new Array<number>(n).fill(0);
  }

  /** Folds values in time order; NaN is not a value (see rollup.ts). */
  add(t: number, min: number, max: number, sum: number, count: number, last: number): void {
    const i = Math.floor((t - this.from) / this.step);
    if (min < (this.min[i] ?? 0)) this.min[i] = min;
    if (max > (this.max[i] ?? 0)) this.max[i] = max;
    this.sum[i] = (this.sum[i] ?? 0) + sum;
    this.count[i] = (this.count[i] ?? 0) + count;
    this.last[i] = last;
  }

  result(name: string, labels: Labels): QuerySeries {
    const s: QuerySeries = { name, labels, t: [], min: [], max: [], avg: [], last: [] };
    for (let i = 0; i < this.n; i++) {
      const c = this.count[i] ?? 0;
      s.t.push(this.from + i * this.step);
      s.min.push(c ? (this.min[i] ?? null) : null);
      s.max.push(c ? (this.max[i] ?? null) : null);
      s.avg.push(c ? (this.sum[i] ?? 0) / c : null);
      s.last.push(c ? (this.last[i] ?? null) : null);
    }
    return s;
  }
}

function foldBuckets(acc: Accumulator, b: Buckets): void {
  for (let i = 0; i < b.t.length; i++)
    acc.add(b.t[i] ?? 0, b.min[i] ?? 0, b.max[i] ?? 0, b.sum[i] ?? 0, b.count[i] ?? 0, b.last[i] ?? 0);
}

/**
 * min, max, avg and last per bucket for every series the selector matches. Step is
 * ceil((to − from) / points); bucket i covers [from + i·step, from + (i+1)·step), the window is
 * [from, to), so there are ceil((to − from) / step) buckets; an empty bucket is null everywhere.
 */
export async function queryHistory(
  store: HistoryStore,
  selector: Selector,
  from: number,
  to: number,
  points: number,
): Promise<QueryResult> {
  const step = checkQuery(from, to, points);
  const n = Math.ceil((to - from) / step);
  const regions = planRegions(from, to, step, await store.floors());
  const series: QuerySeries[] = [];
  for (const rec of await store.findSeries(selector)) {
    const acc = new Accumulator(from, step, n);
    for (const r of regions) {
      if (r.tier !== 'raw') {
        foldBuckets(acc, await store.readRollups(rec.id, r.tier, r.from, r.to));
        continue;
      }
      const { t, v } = await store.readRaw(rec.id, r.from, r.to);
      for (let i = 0; i < t.length; i++) {
        const x = v[i] ?? 0;
        if (!Number.isNaN(x)) acc.add(t[i] ?? 0, x, x, x, 1, x);
      }
    }
    series.push(acc.result(rec.name, rec.labels));
  }
  return { series };
}
