import type Database from 'better-sqlite3';
import { decodeChunk, encodeChunk } from '../encoding/chunk.js';
import { isValidTimestamp } from '../encoding/timestamps.js';
import { seriesKey } from '../labels.js';
import type { SeriesSamples } from '../store.js';

/** Per series, samples are encoded and moved to disk in chunks of this size... */
const SPILL_SERIES = 8192;
/** ...and all buffers are moved once this many samples wait in memory, whatever the series. */
const SPILL_TOTAL = 1_000_000;

interface Buffer {
  name: string;
  labels: SeriesSamples['labels'];
  t: number[];
  v: number[];
}

let tables = 0;

/**
 * An import waiting to be committed, kept in a TEMP table (per connection, outside the main
 * database file, no lock on it): memory stays bounded however large the body, and dropping the
 * table discards a failed import whole. Samples are stored as encoded chunks, ~10× smaller than rows.
 */
export class ImportStaging {
  readonly #db: Database.Database;
  readonly #table = `import_stage_${++tables}`;
  readonly #buffers = new Map<string, Buffer>();
  #buffered = 0;
  #seq = 0;
  rejected = 0;

  constructor(db: Database.Database) {
    this.#db = db;
    db.exec(
      `CREATE TEMP TABLE ${this.#table} (key TEXT NOT NULL, seq INTEGER NOT NULL, name TEXT NOT NULL,
       labels TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (key, seq)) STRICT`,
    );
  }

  add(batch: SeriesSamples[]): void {
    for (const s of batch) {
      const key = seriesKey(s.name, s.labels);
      let buf = this.#buffers.get(key);
      if (!buf) {
        buf = { name: s.name, labels: s.labels, t: [], v: [] };
        this.#buffers.set(key, buf);
      }
      for (let i = 0; i < s.t.length; i++) {
        const t = s.t[i] ?? Number.NaN;
        if (!isValidTimestamp(t)) {
          this.rejected++;
          continue;
        }
        buf.t.push(t);
        buf.v.push(s.v[i] ?? 0);
      }
      this.#buffered += s.t.length;
      if (buf.t.length >= SPILL_SERIES) this.#spill([[key, buf]]);
    }
    if (this.#buffered >= SPILL_TOTAL) this.#spill([...this.#buffers]);
  }

  /** Every staged series with its samples in the order they arrived, one series at a time. */
  *series(): Generator<SeriesSamples> {
    this.#spill([...this.#buffers]);
    const keys = this.#db
      .prepare(`SELECT key, min(name) AS name, min(labels) AS labels FROM ${this.#table} GROUP BY key`)
      .all() as { key: string; name: string; labels: string }[];
    const chunks = this.#db.prepare(`SELECT data FROM ${this.#table} WHERE key = ? ORDER BY seq`);
    for (const k of keys) {
      const t: number[] = [];
      const v: number[] = [];
      for (const row of chunks.iterate(k.key) as Iterable<{ data: Uint8Array }>) {
        const c = decodeChunk(row.data);
        for (let i = 0; i < c.t.length; i++) {
          t.push(c.t[i] ?? 0);
          v.push(c.v[i] ?? 0);
        }
      }
      yield { name: k.name, labels: JSON.parse(k.labels) as SeriesSamples['labels'], t, v };
    }
  }

  drop(): void {
    this.#db.exec(`DROP TABLE IF EXISTS temp.${this.#table}`);
  }

  #spill(entries: [string, Buffer][]): void {
    const insert = this.#db.prepare(
      `INSERT INTO ${this.#table} (key, seq, name, labels, data) VALUES (?, ?, ?, ?, ?)`,
    );
    this.#db.transaction(() => {
      for (const [key, buf] of entries) {
        if (buf.t.length === 0) continue;
        insert.run(key, ++this.#seq, buf.name, JSON.stringify(buf.labels), encodeChunk(buf));
        this.#buffered -= buf.t.length;
        buf.t = [];
        buf.v = [];
      }
    })();
    if (entries.length === this.#buffers.size) {
      this.#buffers.clear();
      this.#buffered = 0;
    }
  }
}
