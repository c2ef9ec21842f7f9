import { TextBytes } from './bytes.js';
import type { Labels } from './labels.js';
import { type Buckets, TIER_MS, type Tier } from './rollup.js';
import type { Selector } from './selector.js';
import type { HistoryStore, SeriesRecord, TierFloors } from './store.js';

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

/** Folded buckets of one series, as typed columns: neither holes nor boxed numbers in the hot loops. */
class Accumulator {
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly sum: Float64Array;
  readonly count: Float64Array;
  readonly last: Float64Array;

  constructor(
    readonly from: number,
    readonly step: number,
    readonly n: number,
  ) {
    this.min = new Float64Array(n).fill(Infinity);
    this.max = new Float64Array(n).fill(-Infinity);
    this.sum = new Float64Array(n);
    this.count = new Float64Array(n);
    this.last = new Float64Array(n);
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

  /** `add` of every raw sample, inlined: this loop runs per sample of the window. */
  addRaw(t: ArrayLike<number>, v: ArrayLike<number>): void {
    const { from, step, min, max, sum, count, last } = this;
    for (let j = 0; j < t.length; j++) {
      const x = v[j] ?? 0;
      if (Number.isNaN(x)) continue;
      const i = Math.floor(((t[j] ?? 0) - from) / step);
      if (x < (min[i] ?? 0)) min[i] = x;
      if (x > (max[i] ?? 0)) max[i] = x;
      sum[i] = (sum[i] ?? 0) + x;
      count[i] = (count[i] ?? 0) + 1;
      last[i] = x;
    }
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

  /**
   * `result()` as JSON, byte for byte what `JSON.stringify` writes (±Infinity, which an import may
   * carry, becomes null: JSON has no such number), without building the arrays. `t` is
   * the same for every series, so the caller writes it once. The four columns are written in one
   * pass, each to its own buffer, and a value is formatted once per bucket (a bucket of one sample
   * has one value four times) and not again while it repeats (a gauge that sits still).
   */
  json(out: TextBytes, columns: JsonColumns, name: string, labels: Labels, t: TextBytes): void {
    let prev = Number.NaN;
    let prevText = '';
    /** Writes `x` to `w`, after a comma unless it is bucket 0. */
    const write = (w: TextBytes, x: number, i = 0): void => {
      if (i > 0) w.byte(COMMA);
      if (x === prev) w.ascii(prevText);
      else if (Number.isSafeInteger(x)) w.int(x);
      else if (!Number.isFinite(x)) w.ascii('null');
      else {
        prev = x;
        prevText = `${x}`;
        w.ascii(prevText);
      }
    };
    const { min, max, avg, last } = columns;
    for (let i = 0; i < this.n; i++) {
      // `last` is written first, comma included; the other columns copy it where they are equal.
      const start = last.length;
      if (i > 0) last.byte(COMMA);
      const c = this.count[i] ?? 0;
      if (c === 0) {
        last.ascii('null');
        min.repeat(last, start);
        max.repeat(last, start);
        avg.repeat(last, start);
        continue;
      }
      const x = this.last[i] ?? 0;
      write(last, x);
      const lo = this.min[i] ?? 0;
      const hi = this.max[i] ?? 0;
      const mean = (this.sum[i] ?? 0) / c;
      if (lo === x) min.repeat(last, start);
      else write(min, lo, i);
      if (hi === x) max.repeat(last, start);
      else write(max, hi, i);
      if (mean === x) avg.repeat(last, start);
      else write(avg, mean, i);
    }
    out.utf8(`{"name":${JSON.stringify(name)},"labels":${JSON.stringify(labels)},"t":[`);
    out.bytes(t.view());
    out.ascii('],"min":[');
    out.append(min);
    out.ascii('],"max":[');
    out.append(max);
    out.ascii('],"avg":[');
    out.append(avg);
    out.ascii('],"last":[');
    out.append(last);
    out.ascii(']}');
  }
}

const COMMA = 44;

interface JsonColumns {
  min: TextBytes;
  max: TextBytes;
  avg: TextBytes;
  last: TextBytes;
}

function foldBuckets(acc: Accumulator, b: Buckets): void {
  for (let i = 0; i < b.t.length; i++)
    acc.add(b.t[i] ?? 0, b.min[i] ?? 0, b.max[i] ?? 0, b.sum[i] ?? 0, b.count[i] ?? 0, b.last[i] ?? 0);
}

interface Plan {
  from: number;
  step: number;
  n: number;
  regions: Region[];
}

async function plan(store: HistoryStore, from: number, to: number, points: number): Promise<Plan> {
  const step = checkQuery(from, to, points);
  const n = Math.ceil((to - from) / step);
  return { from, step, n, regions: planRegions(from, to, step, await store.floors()) };
}

/** The matching series one at a time, folded: memory holds the buckets of one series at a time. */
async function* accumulate(
  store: HistoryStore,
  selector: Selector,
  { from, step, n, regions }: Plan,
): AsyncGenerator<[SeriesRecord, Accumulator]> {
  for (const rec of await store.findSeries(selector)) {
    const acc = new Accumulator(from, step, n);
    for (const r of regions) {
      if (r.tier === 'raw') {
        const { t, v } = await store.readRaw(rec.id, r.from, r.to);
        acc.addRaw(t, v);
      } else foldBuckets(acc, await store.readRollups(rec.id, r.tier, r.from, r.to));
    }
    yield [rec, acc];
  }
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
  const series: QuerySeries[] = [];
  for await (const [rec, acc] of accumulate(store, selector, await plan(store, from, to, points)))
    series.push(acc.result(rec.name, rec.labels));
  return { series };
}

/** `queryHistory` as the UTF-8 JSON text of its answer; see `Accumulator.json`. */
export async function queryHistoryJson(
  store: HistoryStore,
  selector: Selector,
  from: number,
  to: number,
  points: number,
): Promise<Buffer> {
  const p = await plan(store, from, to, points);
  const t = new TextBytes();
  for (let i = 0; i < p.n; i++) {
    if (i > 0) t.byte(COMMA);
    t.int(p.from + i * p.step);
  }
  const columns: JsonColumns = {
    min: new TextBytes(),
    max: new TextBytes(),
    avg: new TextBytes(),
    last: new TextBytes(),
  };
  const out = new TextBytes();
  out.ascii('{"series":[');
  let first = true;
  for await (const [rec, acc] of accumulate(store, selector, p)) {
    if (!first) out.byte(COMMA);
    first = false;
    acc.json(out, columns, rec.name, rec.labels, t);
  }
  out.ascii(']}');
  return out.take();
}
