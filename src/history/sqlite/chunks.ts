import type Database from 'better-sqlite3';
import type { ChunkRow } from '../head.js';
import type { Tier } from '../rollup.js';

export const TIER_ID: Record<Tier, number> = { raw: 0, '5m': 1, '1h': 2 };
const TIER_BY_ID: readonly Tier[] = ['raw', '5m', '1h'];

export interface StoredChunk {
  start: number;
  end: number;
  count: number;
  data: Uint8Array;
}

const COLS = 'start_ts AS start, end_ts AS end, count, data';

/** The prepared statements over the chunks table; all synchronous, for use inside transactions. */
export class ChunkTable {
  readonly #upsert: Database.Statement;
  readonly #overlap: Database.Statement;
  readonly #from: Database.Statement;
  readonly #deleteFrom: Database.Statement;
  readonly #last: Database.Statement;
  readonly #lastOfEach: Database.Statement;

  constructor(db: Database.Database) {
    this.#upsert = db.prepare(
      `INSERT INTO chunks (series_id, tier, start_ts, end_ts, count, data) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (series_id, tier, start_ts) DO UPDATE
       SET end_ts = excluded.end_ts, count = excluded.count, data = excluded.data`,
    );
    // Chunks of a tier never overlap, so the first one that can reach `from` is the last starting at or before it.
    this.#overlap = db.prepare(
      `SELECT ${COLS} FROM chunks WHERE series_id = @id AND tier = @tier AND start_ts < @to AND start_ts >= coalesce(
         (SELECT max(start_ts) FROM chunks WHERE series_id = @id AND tier = @tier AND start_ts <= @from), @from)
       ORDER BY start_ts`,
    );
    this.#from = db.prepare(
      `SELECT ${COLS} FROM chunks WHERE series_id = ? AND tier = ? AND end_ts >= ? ORDER BY start_ts`,
    );
    this.#deleteFrom = db.prepare('DELETE FROM chunks WHERE series_id = ? AND tier = ? AND end_ts >= ?');
    // One statement for the newest chunk of every series and tier: an index seek each, in SQLite.
    this.#lastOfEach = db.prepare(
      `SELECT c.series_id AS seriesId, c.tier, ${COLS} FROM series s CROSS JOIN (SELECT 0 AS t UNION ALL SELECT 1 UNION ALL SELECT 2) k
       JOIN chunks c ON c.series_id = s.id AND c.tier = k.t
         AND c.start_ts = (SELECT max(start_ts) FROM chunks WHERE series_id = s.id AND tier = k.t)`,
    );
    this.#last = db.prepare(
      `SELECT ${COLS} FROM chunks WHERE series_id = ? AND tier = ? ORDER BY start_ts DESC LIMIT 1`,
    );
  }

  upsert(seriesId: number, row: ChunkRow): void {
    this.#upsert.run(seriesId, TIER_ID[row.tier], row.start, row.end, row.count, row.data);
  }

  /** Chunks holding anything in [from, to), oldest first. */
  overlapping(seriesId: number, tier: Tier, from: number, to: number): StoredChunk[] {
    return this.#overlap.all({ id: seriesId, tier: TIER_ID[tier], from, to }) as StoredChunk[];
  }

  /** Removes and returns the chunks that end at or after `from`. */
  takeFrom(seriesId: number, tier: Tier, from: number): StoredChunk[] {
    const rows = this.#from.all(seriesId, TIER_ID[tier], from) as StoredChunk[];
    this.#deleteFrom.run(seriesId, TIER_ID[tier], from);
    return rows;
  }

  /** The newest chunk of every series and tier, as start-up loads the open ends. */
  lastOfEach(): (StoredChunk & { seriesId: number; tier: Tier })[] {
    return (this.#lastOfEach.all() as (StoredChunk & { seriesId: number; tier: number })[]).map((c) => ({
      ...c,
      tier: TIER_BY_ID[c.tier] ?? 'raw',
    }));
  }

  last(seriesId: number, tier: Tier): StoredChunk | undefined {
    return this.#last.get(seriesId, TIER_ID[tier]) as StoredChunk | undefined;
  }
}
