import type { Labels } from './labels.js';
import type { Buckets, RollupTier, Tier } from './rollup.js';
import type { Selector } from './selector.js';

/** Samples for one series; timestamps in epoch ms (integers in [0, 2^47)), values any float64. */
export interface SeriesSamples {
  name: string;
  /** Not changed once written: a store may recognise the series by this object next time. */
  labels: Labels;
  t: number[];
  v: number[];
}

export interface SeriesRecord {
  id: number;
  name: string;
  labels: Labels;
}

export interface WriteStats {
  series: number;
  samples: number;
  /** Invalid timestamps, and late samples older than the raw tier's retention horizon. */
  rejected: number;
}

export interface RawSamples {
  t: Float64Array;
  v: Float64Array;
}

/**
 * Where each tier's data starts being complete: retention deleted everything before it.
 * `-Infinity` until retention first removed something.
 */
export type TierFloors = Record<Tier, number>;

/** Per-tier retention in ms; `null` keeps a tier forever. */
export type Retention = Record<Tier, number | null>;

export const DAY_MS = 86_400_000;
export const DEFAULT_RETENTION: Retention = { raw: 90 * DAY_MS, '5m': 730 * DAY_MS, '1h': null };

/**
 * History of series: raw samples in compressed chunks plus 5 min and 1 h rollups.
 *
 * Write rules, per series: samples newer than the newest stored one are appended; a sample with
 * an equal timestamp replaces the stored one (last write wins); older samples are merged in and
 * the affected hours of rollups are rebuilt from raw — unless they are older than the raw
 * retention horizon, where raw can no longer back a rebuild: those are rejected and counted.
 *
 * Async throughout so that a PostgreSQL implementation can follow.
 */
export interface HistoryStore {
  init(): Promise<void>;
  /** Writes the open chunks and stops the background work. */
  close(): Promise<void>;
  /** Writes every open (in-memory) chunk; done periodically in the background too. */
  flush(): Promise<void>;
  write(batch: SeriesSamples[]): Promise<WriteStats>;
  /**
   * All or nothing: consumes `source` to the end, staging what it yields, and commits only then.
   * If `source` throws, nothing is committed and the error is rethrown.
   */
  import(source: AsyncIterable<SeriesSamples[]>): Promise<WriteStats>;
  findSeries(selector: Selector): Promise<SeriesRecord[]>;
  /** Raw samples with from ≤ t < to, in time order. */
  readRaw(seriesId: number, from: number, to: number): Promise<RawSamples>;
  /** Rollup buckets whose start is in [from, to), in time order. */
  readRollups(seriesId: number, tier: RollupTier, from: number, to: number): Promise<Buckets>;
  floors(): Promise<TierFloors>;
  /** Deletes what each tier's retention no longer covers (chunks that end before the cutoff). */
  enforceRetention(now: number): Promise<Record<Tier, number>>;
}
