import { encodeChunk, encodeColumns } from './encoding/chunk.js';
import {
  addSample,
  type Buckets,
  bucketColumns,
  emptyBuckets,
  floorTo,
  ROLLUP_TIERS,
  type RollupTier,
  TIER_MS,
  type Tier,
} from './rollup.js';
import type { SeriesRecord } from './store.js';

/**
 * Chunk sizes (chosen, not yet tuned with bench/history.ts): 1,024 raw samples (17 h at 60 s)
 * spread SQLite's ~40 bytes of per-row overhead to under 0.05 byte a sample, and a 1-day query
 * decodes 2–3 chunks a series.
 */
export const RAW_CHUNK_SAMPLES = 1024;
export const ROLLUP_CHUNK_BUCKETS = 256;

export interface ChunkRow {
  tier: Tier;
  /** First timestamp (raw) or first bucket start (rollups). */
  start: number;
  /** Last timestamp or last bucket start. */
  end: number;
  count: number;
  data: Uint8Array;
}

/**
 * The open end of one series, in memory: the raw chunk being filled and, per rollup tier, the
 * buckets not yet sealed into a chunk (the newest of which may still grow). Persisted as ordinary
 * chunk rows on flush, so a crash loses at most one flush interval.
 */
export class SeriesHead {
  lastTs = -1;
  raw: { t: number[]; v: number[] } = { t: [], v: [] };
  rollups: Record<RollupTier, Buckets> = { '5m': emptyBuckets(), '1h': emptyBuckets() };
  dirty = false;

  constructor(
    readonly rec: SeriesRecord,
    readonly key: string,
  ) {}

  /**
   * Appends a sample newer than every stored one; `seal` receives chunks that are full. Samples
   * before `rollupFrom` go to raw only (a rebuild keeps the rollup buckets it already has there).
   */
  append(t: number, v: number, seal: (row: ChunkRow) => void, rollupFrom = -Infinity): void {
    if (this.raw.t.length >= RAW_CHUNK_SAMPLES) {
      seal(this.rawRow());
      this.raw = { t: [], v: [] };
    }
    this.raw.t.push(t);
    this.raw.v.push(v);
    this.lastTs = t;
    this.dirty = true;
    if (t < rollupFrom || Number.isNaN(v)) return;
    for (const tier of ROLLUP_TIERS) {
      const width = TIER_MS[tier];
      let b = this.rollups[tier];
      if (b.t.length >= ROLLUP_CHUNK_BUCKETS && b.t.at(-1) !== floorTo(t, width)) {
        seal(this.rollupRow(tier));
        b = this.rollups[tier] = emptyBuckets();
      }
      addSample(b, width, t, v);
    }
  }

  rawRow(): ChunkRow {
    const { t, v } = this.raw;
    return {
      tier: 'raw',
      start: t[0] ?? 0,
      end: t.at(-1) ?? 0,
      count: t.length,
      data: encodeChunk({ t, v }),
    };
  }

  rollupRow(tier: RollupTier): ChunkRow {
    const b = this.rollups[tier];
    return {
      tier,
      start: b.t[0] ?? 0,
      end: b.t.at(-1) ?? 0,
      count: b.t.length,
      data: encodeColumns(b.t, bucketColumns(b)),
    };
  }

  /** The open chunks as rows, for a flush. */
  openRows(): ChunkRow[] {
    const rows: ChunkRow[] = [];
    if (this.raw.t.length > 0) rows.push(this.rawRow());
    for (const tier of ROLLUP_TIERS) if (this.rollups[tier].t.length > 0) rows.push(this.rollupRow(tier));
    return rows;
  }
}
