import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { decodeChunk, decodeColumns } from '../encoding/chunk.js';
import { type ChunkRow, SeriesHead } from '../head.js';
import { type Labels, normalLabels, seriesKey, seriesProblem } from '../labels.js';
import {
  type Buckets,
  bucketsFromColumns,
  concatBuckets,
  emptyBuckets,
  filterBuckets,
  floorTo,
  ROLLUP_TIERS,
  type RollupTier,
  TIER_MS,
  type Tier,
} from '../rollup.js';
import { mergeSamples, normalizeSamples, type SampleArrays } from '../samples.js';
import type { Selector } from '../selector.js';
import {
  DEFAULT_RETENTION,
  type HistoryStore,
  type RawSamples,
  type Retention,
  type SeriesRecord,
  type SeriesSamples,
  type TierFloors,
  type WriteStats,
} from '../store.js';
import { ChunkTable, type StoredChunk, TIER_ID } from './chunks.js';
import { DecodedChunkCache } from './decoded-cache.js';
import { HISTORY_MIGRATIONS } from './migrations.js';
import { ImportStaging } from './staging.js';
import { Wal, type WalEntry } from './wal.js';

const HOUR = TIER_MS['1h'];
const TIERS: readonly Tier[] = ['raw', '5m', '1h'];

export interface SqliteHistoryOptions {
  retention?: Partial<Retention>;
  /**
   * How often the open chunks are written to their chunk rows (default 5 min; 0: never on a timer).
   * Nothing is lost in between: every write is in the write-ahead log, replayed at start-up.
   */
  flushIntervalMs?: number;
  /**
   * Told of a background checkpoint or retention run that failed (the disk is full, another
   * process holds the lock…); the log keeps what was not written, the next run tries again.
   */
  onError?: (err: unknown, what: 'checkpoint' | 'retention') => void;
  /** Decoded chunks kept for the next query (default 64 MiB; 0: none). */
  decodedCacheBytes?: number;
  /** How long an import's apply works before letting the event loop turn (default 50 ms). */
  importSliceMs?: number;
  /** How often retention runs in the background (default hourly). 0: never on a timer. */
  retentionIntervalMs?: number;
  now?: () => number;
}

/** Open chunks written per transaction in a background checkpoint, between turns of the event loop. */
const CHECKPOINT_SLICE = 500;
/** A write of more samples than this to one series appends them as one run (see `SeriesHead.bulk`). */
const BULK_SAMPLES = 64;

/**
 * History in its own SQLite file (`history.db`): its write pattern (log appends, chunk upserts,
 * bulk imports, retention deletes) never holds the main database's write lock, and it can be
 * moved, backed up or deleted on its own.
 *
 * A write appends its samples to the series' open chunks in memory and, in the same transaction,
 * one row to the write-ahead log (24 bytes a sample, whatever the number of series). Checkpoints
 * write the open chunks to their rows and trim the log; with 50,000 series recorded at every poll
 * a checkpoint is ~150,000 upserts, so the background one runs in slices and never stalls the
 * event loop for long.
 */
export class SqliteHistoryStore implements HistoryStore {
  readonly #db: Database.Database;
  readonly #opts: Required<Omit<SqliteHistoryOptions, 'retention' | 'decodedCacheBytes'>> & {
    retention: Retention;
  };
  #chunks!: ChunkTable;
  readonly #byKey = new Map<string, SeriesHead>();
  readonly #byId = new Map<number, SeriesHead>();
  /** Series by metric name: a selector naming its metric (most do) looks only at those. */
  readonly #byName = new Map<string, Set<SeriesHead>>();
  readonly #byLabels = new WeakMap<Labels, { name: string; head: SeriesHead }>();
  #floors: TierFloors = { raw: -Infinity, '5m': -Infinity, '1h': -Infinity };
  #timers: NodeJS.Timeout[] = [];
  #wal!: Wal;
  #checkpointing: Promise<void> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  /** Heads written in the transaction under way: dirty again if it rolls back. */
  #persisted: SeriesHead[] | null = null;
  #decoded: DecodedChunkCache;
  #insertSeries: Database.Statement | undefined;

  constructor(
    readonly file: string,
    opts: SqliteHistoryOptions = {},
  ) {
    const retention = { ...DEFAULT_RETENTION, ...opts.retention };
    const r = (t: Tier) => retention[t] ?? Infinity;
    if (r('raw') > r('5m') || r('5m') > r('1h'))
      throw new Error('history retention: raw ≤ 5m ≤ 1h is required (rollups back up raw)');
    this.#opts = {
      flushIntervalMs: opts.flushIntervalMs ?? 300_000,
      retentionIntervalMs: opts.retentionIntervalMs ?? 3_600_000,
      importSliceMs: opts.importSliceMs ?? 50,
      onError:
        opts.onError ?? ((err, what) => console.error(`cmon history: background ${what} failed:`, err)),
      now: opts.now ?? Date.now,
      retention,
    };
    this.#decoded = new DecodedChunkCache(opts.decodedCacheBytes ?? 64 * 2 ** 20);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('busy_timeout = 5000');
  }

  async init(): Promise<void> {
    this.#migrate();
    this.#chunks = new ChunkTable(this.#db);
    this.#wal = new Wal(this.#db);
    for (const row of this.#db.prepare('SELECT tier, ts FROM floors').all() as {
      tier: number;
      ts: number;
    }[]) {
      const tier = TIERS[row.tier];
      if (tier) this.#floors[tier] = row.ts;
    }
    const rows = this.#db.prepare('SELECT id, key, name, labels FROM series').all() as {
      id: number;
      key: string;
      name: string;
      labels: string;
    }[];
    for (const r of rows) {
      const head = new SeriesHead({ id: r.id, name: r.name, labels: JSON.parse(r.labels) }, r.key);
      this.#index(head);
    }
    for (const c of this.#chunks.lastOfEach()) {
      const head = this.#byId.get(c.seriesId);
      if (head) this.#open(head, c.tier, c);
    }
    // Replayed heads stay dirty: the next checkpoint writes them and trims the log.
    this.#transact(() => this.#replay(this.#byId));
    this.#stopTimers();
    const { flushIntervalMs, retentionIntervalMs, now } = this.#opts;
    if (flushIntervalMs > 0)
      this.#timers.push(
        setInterval(
          () => void this.#checkpointSliced().catch((err: unknown) => this.#opts.onError(err, 'checkpoint')),
          flushIntervalMs,
        ).unref(),
      );
    if (retentionIntervalMs > 0)
      this.#timers.push(
        setInterval(
          () =>
            void this.enforceRetention(now()).catch((err: unknown) => this.#opts.onError(err, 'retention')),
          retentionIntervalMs,
        ).unref(),
      );
  }

  async close(): Promise<void> {
    this.#stopTimers();
    if (!this.#db.open) return;
    try {
      // What a failed flush could not write stays in the log, replayed at the next start.
      await this.flush();
      this.#db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.#db.close();
    }
  }

  /**
   * A checkpoint now: in one transaction, or (`background`) in slices between turns of the event
   * loop, as the timer runs it.
   */
  async flush(opts: { background?: boolean } = {}): Promise<void> {
    if (opts.background) await this.#checkpointSliced();
    else await this.#exclusive(() => this.#checkpointNow());
  }

  /**
   * Runs `fn` when every write, checkpoint slice, retention run and import step queued before it
   * has finished. An import applies in one transaction spread over many turns of the event loop;
   * nothing else may write on the connection meanwhile, or it would join that transaction.
   */
  #exclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    const run = this.#queue.then(fn);
    this.#queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Writes every dirty open chunk and trims the log, in one transaction. */
  #checkpointNow(): void {
    if (!this.#db.open) return;
    const upTo = this.#wal.lastId();
    this.#transact(() => {
      for (const head of this.#byId.values()) this.#persist(head);
      this.#wal.trim(upTo);
    });
  }

  /**
   * The same in slices, each its own transaction: then the log is trimmed up to what was in it
   * when the checkpoint began (a write that lands between two slices stays until the next one).
   */
  #checkpointSliced(): Promise<void> {
    this.#checkpointing ??= (async () => {
      try {
        const start = await this.#exclusive(() =>
          this.#db.open
            ? { upTo: this.#wal.lastId(), dirty: [...this.#byId.values()].filter((h) => h.dirty) }
            : null,
        );
        if (!start) return;
        const { upTo, dirty } = start;
        for (let i = 0; i < dirty.length; i += CHECKPOINT_SLICE) {
          if (i > 0) await yieldToLoop();
          await this.#exclusive(() => {
            if (!this.#db.open) return;
            this.#transact(() => {
              for (const head of dirty.slice(i, i + CHECKPOINT_SLICE)) this.#persist(head);
            });
          });
        }
        await this.#exclusive(() => {
          if (this.#db.open) this.#wal.trim(upTo);
        });
      } finally {
        this.#checkpointing = null;
      }
    })();
    return this.#checkpointing;
  }

  write(batch: SeriesSamples[]): Promise<WriteStats> {
    return this.#exclusive(() => {
      for (const s of batch) {
        if (this.#known(s)) continue;
        const problem = seriesProblem(s.name, s.labels);
        if (problem) throw new Error(`history: ${problem}`);
      }
      const stats: WriteStats = { series: 0, samples: 0, rejected: 0 };
      const touched: SeriesHead[] = [];
      try {
        this.#transact(() => {
          const log = this.#wal.entry();
          for (const s of batch) this.#writeSeries(s, stats, touched, log);
          this.#wal.append(log);
        });
      } catch (err) {
        this.#recover(touched);
        throw err;
      }
      return stats;
    });
  }

  /**
   * Staged batch by batch, then applied in one transaction that yields to the event loop every
   * ~50 ms: a big import neither holds the server still for seconds nor commits half.
   */
  async import(source: AsyncIterable<SeriesSamples[]>): Promise<WriteStats> {
    const staging = await this.#exclusive(() => new ImportStaging(this.#db));
    try {
      for await (const batch of source) await this.#exclusive(() => staging.add(batch));
      return await this.#exclusive(async () => {
        // Open chunks go to disk first: a failed apply reloads heads from disk and the log.
        this.#checkpointNow();
        const stats: WriteStats = { series: 0, samples: 0, rejected: staging.rejected };
        const touched: SeriesHead[] = [];
        this.#db.exec('BEGIN IMMEDIATE');
        this.#persisted = [];
        try {
          let since = performance.now();
          for (const s of staging.series()) {
            this.#writeSeries(s, stats, touched);
            if (performance.now() - since >= this.#opts.importSliceMs) {
              await yieldToLoop();
              since = performance.now();
            }
          }
          for (const head of touched) this.#persist(head);
          this.#db.exec('COMMIT');
        } catch (err) {
          if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
          for (const head of this.#persisted) head.dirty = true;
          this.#recover(touched);
          throw err;
        } finally {
          this.#persisted = null;
        }
        return stats;
      });
    } finally {
      await this.#exclusive(() => {
        if (this.#db.open) staging.drop();
      });
    }
  }

  #index(head: SeriesHead): void {
    this.#byKey.set(head.key, head);
    this.#byId.set(head.rec.id, head);
    const named = this.#byName.get(head.rec.name) ?? new Set<SeriesHead>();
    this.#byName.set(head.rec.name, named);
    named.add(head);
  }

  async findSeries(selector: Selector): Promise<SeriesRecord[]> {
    const out: SeriesHead[] = [];
    const name = selector.matchers.find((m) => m.label === '__name__' && m.op === '=')?.value;
    const candidates = name === undefined ? this.#byKey.values() : (this.#byName.get(name) ?? []);
    for (const head of candidates) if (selector.test(head.rec.name, head.rec.labels)) out.push(head);
    out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return out.map((h) => h.rec);
  }

  async readRaw(seriesId: number, from: number, to: number): Promise<RawSamples> {
    const head = this.#byId.get(seriesId);
    if (!head) return { t: new Float64Array(0), v: new Float64Array(0) };
    const headStart = head.raw.start;
    const parts: { t: ArrayLike<number>; v: ArrayLike<number> }[] = [];
    for (const c of this.#chunks.overlapping(seriesId, 'raw', from, to)) {
      // The head supersedes the row it was last written to.
      if (c.start < headStart) {
        const d = this.#decoded.get(seriesId, 'raw', c);
        parts.push({ t: d.t, v: d.cols[0] ?? new Float64Array(0) });
      }
    }
    if (headStart < to && head.raw.end >= from) parts.push(...head.rawParts());
    return sliceSamples(parts, from, to);
  }

  async readRollups(seriesId: number, tier: RollupTier, from: number, to: number): Promise<Buckets> {
    const out = emptyBuckets();
    const head = this.#byId.get(seriesId);
    if (!head) return out;
    const open = head.rollups[tier];
    const headStart = open.start;
    const parts: { t: ArrayLike<number>; cols: ArrayLike<number>[] }[] = [];
    for (const c of this.#chunks.overlapping(seriesId, tier, from, to)) {
      if (c.start < headStart) parts.push(this.#decoded.get(seriesId, tier, c));
    }
    if (headStart < to && open.end >= from) parts.push(...open.parts());
    // Straight from the decoded typed arrays: Array.from per chunk cost more than the decoding.
    for (const { t, cols } of parts) {
      const [min = [], max = [], sum = [], count = [], last = []] = cols;
      for (let i = 0; i < t.length; i++) {
        const start = t[i] ?? 0;
        if (start < from || start >= to) continue;
        out.t.push(start);
        out.min.push(min[i] ?? 0);
        out.max.push(max[i] ?? 0);
        out.sum.push(sum[i] ?? 0);
        out.count.push(count[i] ?? 0);
        out.last.push(last[i] ?? 0);
      }
    }
    return out;
  }

  async floors(): Promise<TierFloors> {
    return { ...this.#floors };
  }

  enforceRetention(now: number): Promise<Record<Tier, number>> {
    return this.#exclusive(() => this.#enforceRetention(now));
  }

  #enforceRetention(now: number): Record<Tier, number> {
    const deleted: Record<Tier, number> = { raw: 0, '5m': 0, '1h': 0 };
    if (!this.#db.open) return deleted;
    const del = this.#db.prepare('DELETE FROM chunks WHERE tier = ? AND end_ts < ?');
    const setFloor = this.#db.prepare(
      'INSERT INTO floors (tier, ts) VALUES (?, ?) ON CONFLICT (tier) DO UPDATE SET ts = excluded.ts',
    );
    this.#db.transaction(() => {
      for (const tier of TIERS) {
        const keep = this.#opts.retention[tier];
        if (keep === null) continue;
        // Hour-aligned, so that every rollup bucket is wholly on one side of every horizon.
        const cutoff = floorTo(now - keep, HOUR);
        if (cutoff <= this.#floors[tier]) continue;
        deleted[tier] = del.run(TIER_ID[tier], cutoff).changes;
        setFloor.run(TIER_ID[tier], cutoff);
        this.#floors[tier] = cutoff;
      }
    })();
    return deleted;
  }

  #migrate(): void {
    const db = this.#db;
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
    );
    const { v } = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    const current = v ?? 0;
    if (current > HISTORY_MIGRATIONS.length)
      throw new Error(
        `history schema version ${current} is newer than this cmon (${HISTORY_MIGRATIONS.length})`,
      );
    HISTORY_MIGRATIONS.slice(current).forEach((sql, i) => {
      db.transaction(() => {
        db.exec(sql);
        db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
          current + i + 1,
          Date.now(),
        );
      })();
    });
  }

  #stopTimers(): void {
    for (const t of this.#timers) clearInterval(t);
    this.#timers = [];
  }

  #seal = (head: SeriesHead) => (row: ChunkRow) => this.#chunks.upsert(head.rec.id, row);

  /**
   * Writes a head's open chunks; inside a transaction. Marked clean now, and dirty again if the
   * transaction rolls back (`#transact`), so that the next checkpoint writes it and keeps the log.
   */
  #persist(head: SeriesHead): void {
    if (!head.dirty) return;
    for (const row of head.openRows()) this.#chunks.upsert(head.rec.id, row);
    head.dirty = false;
    this.#persisted?.push(head);
  }

  #transact<T>(fn: () => T): T {
    if (this.#persisted) return fn();
    const persisted: SeriesHead[] = [];
    this.#persisted = persisted;
    try {
      return this.#db.transaction(fn)();
    } catch (err) {
      for (const head of persisted) head.dirty = true;
      throw err;
    } finally {
      this.#persisted = null;
    }
  }

  /**
   * After a rollback: heads go back to what is on disk plus the log, series created in it are
   * forgotten.
   */
  #recover(touched: SeriesHead[]): void {
    const exists = this.#db.prepare('SELECT 1 FROM series WHERE id = ?');
    const reload = new Map<number, SeriesHead>();
    for (const head of touched) {
      if (exists.get(head.rec.id)) {
        this.#load(head);
        reload.set(head.rec.id, head);
      } else {
        this.#byId.delete(head.rec.id);
        this.#byKey.delete(head.key);
        this.#byName.get(head.rec.name)?.delete(head);
      }
    }
    this.#transact(() => this.#replay(reload));
  }

  /**
   * Appends what the log holds beyond each head's newest stored sample. Appends to one series
   * are logged in time order, and anything else (a merge of late samples, an import) is written
   * to chunk rows in its own transaction: so a head needs exactly the logged samples past its end.
   */
  #replay(heads: Map<number, SeriesHead>): void {
    if (heads.size === 0) return;
    for (const { id, t, v } of this.#wal.samples()) {
      const head = heads.get(id);
      if (!head || t <= head.lastTs) continue;
      if (head.append(t, v, this.#seal(head))) this.#persist(head);
    }
  }

  /** (Re)reads a series' open end from disk: the newest chunk of each tier becomes its head. */
  #load(head: SeriesHead): void {
    const id = head.rec.id;
    head.reset();
    for (const tier of TIERS) {
      const c = this.#chunks.last(id, tier);
      if (c) this.#open(head, tier, c);
    }
    head.dirty = false;
  }

  #open(head: SeriesHead, tier: Tier, c: StoredChunk): void {
    if (tier === 'raw') {
      head.raw.load(c.data, c.start, c.end, c.count, false);
      head.lastTs = c.end;
    } else head.rollups[tier].load(c.data, c.start, c.end, c.count, true);
  }

  /**
   * The series' head if it exists. A caller that writes the same labels object at every poll (the
   * recorders) is recognised by that object, without building and hashing its key again: at
   * 50,000 series a poll, the key was half of a write. A head forgotten by `#recover` is not
   * answered from that memory.
   */
  #known(s: SeriesSamples): SeriesHead | undefined {
    const seen = this.#byLabels.get(s.labels);
    if (seen && seen.name === s.name && this.#byId.get(seen.head.rec.id) === seen.head) return seen.head;
    const head = this.#byKey.get(seriesKey(s.name, s.labels));
    if (head) this.#byLabels.set(s.labels, { name: s.name, head });
    return head;
  }

  #headFor(s: SeriesSamples): SeriesHead {
    const known = this.#known(s);
    if (known) return known;
    const key = seriesKey(s.name, s.labels);
    const problem = seriesProblem(s.name, s.labels);
    if (problem) throw new Error(`history: ${problem}`);
    const labels = normalLabels(s.labels);
    this.#insertSeries ??= this.#db.prepare(
      'INSERT INTO series (key, name, labels) VALUES (?, ?, ?) RETURNING id',
    );
    const { id } = this.#insertSeries.get(key, s.name, JSON.stringify(labels)) as { id: number };
    const head = new SeriesHead({ id, name: s.name, labels }, key);
    this.#index(head);
    return head;
  }

  /**
   * Inside a transaction. Appends go to `log` (the caller writes it); anything else is written to
   * chunk rows at once, and so is a head whose append sealed a chunk (its tiers stay consistent
   * on disk). Without a log (an import) the caller persists every touched head.
   */
  #writeSeries(s: SeriesSamples, stats: WriteStats, touched: SeriesHead[], log?: WalEntry): void {
    const clean = normalizeSamples(s.t, s.v);
    stats.rejected += clean.invalid;
    if (clean.t.length === 0) return;
    const head = this.#headFor(s);
    touched.push(head);
    stats.series++;
    if ((clean.t[0] ?? 0) > head.lastTs) {
      const seal = this.#seal(head);
      const id = head.rec.id;
      let sealed = false;
      const many = clean.t.length > BULK_SAMPLES;
      if (many) head.bulk(true);
      try {
        for (let i = 0; i < clean.t.length; i++) {
          const t = clean.t[i] ?? 0;
          const v = clean.v[i] ?? 0;
          if (head.append(t, v, seal)) sealed = true;
          log?.push(id, t, v);
        }
      } finally {
        if (many) head.bulk(false);
      }
      if (sealed && log) this.#persist(head);
      stats.samples += clean.t.length;
      return;
    }
    // Late samples older than raw's horizon cannot be merged: raw no longer backs those rollups.
    const from = this.#floors.raw;
    let start = 0;
    while (start < clean.t.length && floorTo(clean.t[start] ?? 0, HOUR) < from) start++;
    stats.rejected += start;
    if (start === clean.t.length) return;
    this.#rebuild(head, { t: clean.t.slice(start), v: clean.v.slice(start) });
    if (log) this.#persist(head);
    stats.samples += clean.t.length - start;
  }

  /**
   * Merges samples that are not all newer than the series' newest one: everything from the hour
   * of the oldest new sample on is read back, merged, re-chunked and rolled up again.
   */
  #rebuild(head: SeriesHead, samples: SampleArrays): void {
    const id = head.rec.id;
    const from = floorTo(samples.t[0] ?? 0, HOUR);
    this.#decoded.forget(id);
    this.#persist(head);
    const old: SampleArrays = { t: [], v: [] };
    for (const c of this.#chunks.takeFrom(id, 'raw', from)) {
      const d = decodeChunk(c.data);
      for (let i = 0; i < d.t.length; i++) {
        old.t.push(d.t[i] ?? 0);
        old.v.push(d.v[i] ?? 0);
      }
    }
    for (const tier of ROLLUP_TIERS) {
      let kept = emptyBuckets();
      for (const c of this.#chunks.takeFrom(id, tier, from)) {
        const d = decodeColumns(c.data);
        kept = concatBuckets(
          kept,
          filterBuckets(bucketsFromColumns(d.t, d.cols), (s) => s < from),
        );
      }
      head.rollups[tier].loadBuckets(kept);
    }
    head.raw.clear();
    head.lastTs = this.#chunks.last(id, 'raw')?.end ?? -1;
    const merged = mergeSamples(old, samples);
    const seal = this.#seal(head);
    head.bulk(true);
    try {
      for (let i = 0; i < merged.t.length; i++) head.append(merged.t[i] ?? 0, merged.v[i] ?? 0, seal, from);
    } finally {
      head.bulk(false);
    }
    head.dirty = true;
  }
}

function sliceSamples(
  parts: { t: ArrayLike<number>; v: ArrayLike<number> }[],
  from: number,
  to: number,
): RawSamples {
  let n = 0;
  for (const p of parts)
    for (let i = 0; i < p.t.length; i++) if ((p.t[i] ?? 0) >= from && (p.t[i] ?? 0) < to) n++;
  const t = new Float64Array(n);
  const v = new Float64Array(n);
  let j = 0;
  for (const p of parts) {
    for (let i = 0; i < p.t.length; i++) {
      const x = p.t[i] ?? 0;
      if (x < from || x >= to) continue;
      t[j] = x;
      v[j++] = p.v[i] ?? 0;
    }
  }
  return { t, v };
}
