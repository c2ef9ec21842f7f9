import type Database from 'better-sqlite3';

/** The samples one write appended, as (series id, timestamp, value) triples of float64. */
export class WalEntry {
  #buf = new Float64Array(3 * 256);
  #n = 0;

  push(id: number, t: number, v: number): void {
    if (this.#n + 3 > this.#buf.length) {
      const next = new Float64Array(this.#buf.length * 2);
      next.set(this.#buf);
      this.#buf = next;
    }
    this.#buf[this.#n++] = id;
    this.#buf[this.#n++] = t;
    this.#buf[this.#n++] = v;
  }

  get size(): number {
    return this.#n / 3;
  }

  bytes(): Buffer {
    return Buffer.from(this.#buf.buffer, 0, this.#n * 8);
  }
}

export interface WalSample {
  id: number;
  t: number;
  v: number;
}

/**
 * The write-ahead log of appended samples, in the history database itself: a row per write,
 * committed with the write, deleted once a checkpoint has put its samples in chunk rows.
 * Float64 triples keep every value bit for bit (NaN payloads included) at 24 bytes a sample.
 */
export class Wal {
  readonly #insert: Database.Statement;
  readonly #last: Database.Statement;
  readonly #trim: Database.Statement;
  readonly #all: Database.Statement;

  constructor(db: Database.Database) {
    this.#insert = db.prepare('INSERT INTO wal (data) VALUES (?)');
    this.#last = db.prepare('SELECT coalesce(max(id), 0) AS id FROM wal').pluck();
    this.#trim = db.prepare('DELETE FROM wal WHERE id <= ?');
    this.#all = db.prepare('SELECT data FROM wal ORDER BY id').pluck();
  }

  entry(): WalEntry {
    return new WalEntry();
  }

  /** Inside the write's transaction. */
  append(entry: WalEntry): void {
    if (entry.size > 0) this.#insert.run(entry.bytes());
  }

  lastId(): number {
    return this.#last.get() as number;
  }

  trim(upTo: number): void {
    this.#trim.run(upTo);
  }

  /** Every logged sample, oldest write first (read whole: the caller writes while it walks them). */
  *samples(): Generator<WalSample> {
    for (const data of this.#all.all() as Buffer[]) {
      // Copied: a Buffer from SQLite need not be 8-byte aligned.
      const f = new Float64Array(new Uint8Array(data).buffer);
      for (let i = 0; i + 2 < f.length; i += 3) yield { id: f[i] ?? 0, t: f[i + 1] ?? 0, v: f[i + 2] ?? 0 };
    }
  }
}
