import { concatSegments, decodeColumns, encodeColumns } from './encoding/chunk.js';
import {
  type Buckets,
  bucketColumns,
  floorTo,
  ROLLUP_TIERS,
  type RollupTier,
  TIER_MS,
  type Tier,
} from './rollup.js';
import type { SeriesRecord } from './store.js';

/**
 * Chunk sizes: 1,024 raw samples (17 h at 60 s) spread SQLite's ~40 bytes of per-row overhead
 * to under 0.05 byte a sample, and a 1-day query decodes 2–3 chunks a series.
 */
export const RAW_CHUNK_SAMPLES = 1024;
export const ROLLUP_CHUNK_BUCKETS = 256;

/**
 * An open chunk keeps only its newest entries as plain numbers: every SEGMENT of them is encoded
 * and appended to the chunk's bytes, so that 50,000 open series cost a few KiB each, not the
 * ~40 KiB their decoded chunks would. After MAX_SEGMENTS appends the bytes are re-encoded as one
 * segment (a segment header costs ~13 bytes raw, ~45 bytes rollup).
 */
const RAW_SEGMENT = 32;
const ROLLUP_SEGMENT = 8;
const MAX_SEGMENTS = 8;

export interface ChunkRow {
  tier: Tier;
  /** First timestamp (raw) or first bucket start (rollups). */
  start: number;
  /** Last timestamp or last bucket start. */
  end: number;
  count: number;
  data: Uint8Array;
}

/** Decoded rows: timestamps and one column per value (raw: the value; rollups: min, max, sum, count, last). */
export interface ColumnsPart {
  t: ArrayLike<number>;
  cols: ArrayLike<number>[];
}

const EMPTY: Uint8Array = new Uint8Array(0);

/**
 * The open chunk of one tier: encoded segments (`body`) and a tail of plain numbers, flat, row
 * after row (the timestamp, then one value per column): one array per tier keeps 50,000 open
 * series small. Rows only ever grow at the end; a rollup's newest bucket may still change, so it
 * sits in the tail — or, just after loading, at the end of the body (`lastOpen`), to be taken
 * back out if a sample for it comes.
 */
class OpenChunk {
  body: Uint8Array = EMPTY;
  bodyCount = 0;
  bodyStart = 0;
  bodyEnd = 0;
  segments = 0;
  lastOpen = false;
  tail: number[] = [];
  readonly stride: number;
  /** Rows the tail collects before they are encoded; Infinity while a long run is appended. */
  segment: number;

  constructor(
    readonly width: number,
    readonly ncols: number,
    readonly defaultSegment: number,
  ) {
    this.stride = ncols + 1;
    this.segment = defaultSegment;
  }

  get tailRows(): number {
    return this.tail.length / this.stride;
  }

  get count(): number {
    return this.bodyCount + this.tailRows;
  }

  /** First row's timestamp, Infinity when empty. */
  get start(): number {
    return this.bodyCount > 0 ? this.bodyStart : (this.tail[0] ?? Infinity);
  }

  get end(): number {
    if (this.tail.length > 0) return this.tail[this.tail.length - this.stride] ?? -1;
    return this.bodyCount > 0 ? this.bodyEnd : -1;
  }

  /** The rows in order, as decoded parts. */
  parts(): ColumnsPart[] {
    const out: ColumnsPart[] = [];
    if (this.bodyCount > 0) out.push(decodeColumns(this.body));
    if (this.tail.length > 0) out.push(this.#tailColumns());
    return out;
  }

  row(tier: Tier): ChunkRow {
    const data = this.tail.length === 0 ? this.body : concatSegments([this.body, this.#encodeTail()]);
    return { tier, start: this.start, end: this.end, count: this.count, data };
  }

  /** The whole chunk as one segment: what is stored once it is full. */
  compactRow(tier: Tier): ChunkRow {
    const { t, cols } = this.#all();
    return { tier, start: this.start, end: this.end, count: this.count, data: encodeColumns(t, cols) };
  }

  /** Starts the chunk from stored bytes; `lastMayGrow`: its newest row may still change (rollups). */
  load(data: Uint8Array, start: number, end: number, count: number, lastMayGrow: boolean): void {
    this.clear();
    if (count === 0) return;
    this.body = data;
    this.bodyCount = count;
    this.bodyStart = start;
    this.bodyEnd = end;
    this.segments = 1;
    this.lastOpen = lastMayGrow;
  }

  /** Starts the chunk from decoded rows, the newest one open. */
  loadColumns(t: ArrayLike<number>, cols: ArrayLike<number>[]): void {
    this.clear();
    this.#set(t, cols);
  }

  clear(): void {
    this.body = EMPTY;
    this.bodyCount = 0;
    this.segments = 0;
    this.lastOpen = false;
    this.tail = [];
  }

  /** Moves the body's newest row back to the tail, so that it can change. */
  reopenLast(): void {
    const d = decodeColumns(this.body);
    this.clear();
    this.#set(d.t, d.cols);
  }

  /** Ends a long run: back to segments, the tail encoded but for its newest row if that may change. */
  settle(keepLast: boolean): void {
    this.segment = this.defaultSegment;
    if (this.tailRows - (keepLast ? 1 : 0) < this.segment) return;
    const kept = keepLast ? this.tail.slice(this.tail.length - this.stride) : [];
    if (keepLast) this.tail.length -= this.stride;
    this.fold(1);
    this.tail = kept;
  }

  /** Encodes the tail into the body once it holds `segment` rows (called before a new row starts). */
  fold(segment = this.segment): void {
    const rows = this.tailRows;
    if (rows === 0 || rows < segment) return;
    const first = this.tail[0] ?? 0;
    const last = this.end;
    if (this.segments + 1 >= MAX_SEGMENTS) {
      const { t, cols } = this.#all();
      this.body = encodeColumns(t, cols);
      this.segments = 1;
    } else {
      this.body = concatSegments([this.body, this.#encodeTail()]);
      this.segments++;
    }
    if (this.bodyCount === 0) this.bodyStart = first;
    this.bodyCount += rows;
    this.bodyEnd = last;
    this.tail = [];
  }

  #tailColumns(): { t: number[]; cols: number[][] } {
    const { tail, stride } = this;
    const t: number[] = [];
    const cols: number[][] = Array.from({ length: this.ncols }, () => []);
    for (let i = 0; i < tail.length; i += stride) {
      t.push(tail[i] ?? 0);
      for (let c = 0; c < this.ncols; c++) cols[c]?.push(tail[i + 1 + c] ?? 0);
    }
    return { t, cols };
  }

  #encodeTail(): Uint8Array {
    const { t, cols } = this.#tailColumns();
    return encodeColumns(t, cols);
  }

  #all(): { t: ArrayLike<number>; cols: ArrayLike<number>[] } {
    const tail = this.#tailColumns();
    if (this.bodyCount === 0) return tail;
    const d = decodeColumns(this.body);
    if (tail.t.length === 0) return d;
    const n = this.count;
    const t = new Float64Array(n);
    t.set(d.t);
    t.set(tail.t, d.t.length);
    const cols = d.cols.map((c, i) => {
      const out = new Float64Array(n);
      out.set(c);
      out.set(tail.cols[i] ?? [], c.length);
      return out;
    });
    return { t, cols };
  }

  /** Everything but the newest row encoded, the newest row in the tail. */
  #set(t: ArrayLike<number>, cols: ArrayLike<number>[]): void {
    const n = t.length;
    if (n === 0) return;
    if (n > 1) {
      const head = (c: ArrayLike<number>) => Array.prototype.slice.call(c, 0, n - 1) as number[];
      this.body = encodeColumns(head(t), cols.map(head));
      this.bodyCount = n - 1;
      this.bodyStart = t[0] ?? 0;
      this.bodyEnd = t[n - 2] ?? 0;
      this.segments = 1;
    }
    this.tail = [t[n - 1] ?? 0, ...cols.map((c) => c[n - 1] ?? 0)];
  }
}

/** The open chunk of raw samples. */
class OpenRaw extends OpenChunk {
  constructor() {
    super(0, 1, RAW_SEGMENT);
  }

  push(t: number, v: number): void {
    this.fold();
    this.tail.push(t, v);
  }
}

/** The open chunk of a rollup tier: buckets (start, min, max, sum, count, last), the newest may still grow. */
export class OpenRollup extends OpenChunk {
  constructor(width: number) {
    super(width, 5, ROLLUP_SEGMENT);
  }

  /** Folds a sample (not NaN) in; samples come in time order. */
  add(t: number, v: number): void {
    const start = floorTo(t, this.width);
    const tail = this.tail;
    if (tail.length === 0 && this.lastOpen) {
      if (this.bodyEnd === start) this.reopenLast();
      else this.lastOpen = false;
    }
    const i = this.tail.length - 6;
    if (i >= 0 && this.tail[i] === start) {
      const b = this.tail;
      if (v < (b[i + 1] ?? v)) b[i + 1] = v;
      if (v > (b[i + 2] ?? v)) b[i + 2] = v;
      b[i + 3] = (b[i + 3] ?? 0) + v;
      b[i + 4] = (b[i + 4] ?? 0) + 1;
      b[i + 5] = v;
      return;
    }
    if (start < this.end) throw new Error('rollup samples must arrive in time order');
    this.fold();
    this.tail.push(start, v, v, v, 1, v);
  }

  loadBuckets(b: Buckets): void {
    this.loadColumns(b.t, bucketColumns(b));
  }
}

/**
 * The open end of one series, in memory: the raw chunk being filled and, per rollup tier, the
 * buckets not yet sealed into a chunk. Written to chunk rows at checkpoints and whenever a chunk
 * seals; what came between is in the write-ahead log.
 */
export class SeriesHead {
  lastTs = -1;
  readonly raw = new OpenRaw();
  readonly rollups: Record<RollupTier, OpenRollup> = {
    '5m': new OpenRollup(TIER_MS['5m']),
    '1h': new OpenRollup(TIER_MS['1h']),
  };
  dirty = false;

  constructor(
    readonly rec: SeriesRecord,
    readonly key: string,
  ) {}

  /**
   * Appends a sample newer than every stored one; `seal` receives chunks that are full. Samples
   * before `rollupFrom` go to raw only (a rebuild keeps the rollup buckets it already has there).
   * Returns whether a chunk was sealed.
   */
  append(t: number, v: number, seal: (row: ChunkRow) => void, rollupFrom = -Infinity): boolean {
    let sealed = false;
    const raw = this.raw;
    if (raw.count >= RAW_CHUNK_SAMPLES) {
      seal(raw.compactRow('raw'));
      raw.clear();
      sealed = true;
    }
    raw.push(t, v);
    this.lastTs = t;
    this.dirty = true;
    if (t < rollupFrom || Number.isNaN(v)) return sealed;
    for (const tier of ROLLUP_TIERS) {
      const r = this.rollups[tier];
      if (r.count >= ROLLUP_CHUNK_BUCKETS && r.end !== floorTo(t, r.width)) {
        seal(r.compactRow(tier));
        r.clear();
        sealed = true;
      }
      r.add(t, v);
    }
    return sealed;
  }

  /**
   * Around a long run of appends (an import, a merge): the tails keep collecting until the run
   * ends, so a full chunk is encoded once rather than segment by segment and again when it seals.
   */
  bulk(on: boolean): void {
    if (on) {
      this.raw.segment = Infinity;
      for (const tier of ROLLUP_TIERS) this.rollups[tier].segment = Infinity;
    } else {
      this.raw.settle(false);
      for (const tier of ROLLUP_TIERS) this.rollups[tier].settle(true);
    }
  }

  /** The open chunks as rows, for a checkpoint. */
  openRows(): ChunkRow[] {
    const rows: ChunkRow[] = [];
    if (this.raw.count > 0) rows.push(this.raw.row('raw'));
    for (const tier of ROLLUP_TIERS)
      if (this.rollups[tier].count > 0) rows.push(this.rollups[tier].row(tier));
    return rows;
  }

  /** Raw samples of the open chunk, oldest first. */
  rawParts(): { t: ArrayLike<number>; v: ArrayLike<number> }[] {
    return this.raw.parts().map((p) => ({ t: p.t, v: p.cols[0] ?? [] }));
  }

  reset(): void {
    this.lastTs = -1;
    this.raw.clear();
    for (const tier of ROLLUP_TIERS) this.rollups[tier].clear();
    this.dirty = false;
  }
}
