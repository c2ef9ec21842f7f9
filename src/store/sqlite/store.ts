import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Alarm, AlarmState, Entity, SourceStatus } from '../../model.js';
import type { AlarmTransition, EntityWrite, SourceRecord, Store } from '../types.js';
import { SqliteAuthStore } from './auth-store.js';
import { SqliteGridStore } from './grid-store.js';
import { SQLITE_MIGRATIONS } from './migrations.js';

interface SourceRow {
  id: string;
  type: string;
  name: string;
  config: string;
  sealed_secret: string;
  status: string;
  created_at: number;
}

function toSource(row: SourceRow): SourceRecord {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    config: JSON.parse(row.config),
    sealedSecret: row.sealed_secret,
    status: JSON.parse(row.status) as SourceStatus,
    createdAt: row.created_at,
  } as SourceRecord;
}

/** The embedded default: one SQLite file in WAL mode. `:memory:` works for throwaway runs. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly auth: SqliteAuthStore;
  readonly grids: SqliteGridStore;
  readonly #db: Database.Database;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('foreign_keys = ON');
    this.#db.pragma('busy_timeout = 5000');
    this.auth = new SqliteAuthStore(this.#db);
    this.grids = new SqliteGridStore(this.#db);
  }

  async init(): Promise<void> {
    const db = this.#db;
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
    );
    const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > SQLITE_MIGRATIONS.length) {
      throw new Error(
        `database schema version ${current} is newer than this cmon (${SQLITE_MIGRATIONS.length})`,
      );
    }
    SQLITE_MIGRATIONS.slice(current).forEach((sql, i) => {
      db.transaction(() => {
        db.exec(sql);
        db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
          current + i + 1,
          Date.now(),
        );
      })();
    });
  }

  async close(): Promise<void> {
    this.#db.close();
  }

  async createSource(s: SourceRecord): Promise<void> {
    this.#db
      .prepare(
        'INSERT INTO sources (id, type, name, config, sealed_secret, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        s.id,
        s.type,
        s.name,
        JSON.stringify(s.config),
        s.sealedSecret,
        JSON.stringify(s.status),
        s.createdAt,
      );
  }

  async listSources(): Promise<SourceRecord[]> {
    const rows = this.#db.prepare('SELECT * FROM sources ORDER BY created_at, id').all() as SourceRow[];
    return rows.map(toSource);
  }

  async getSource(id: string): Promise<SourceRecord | undefined> {
    const row = this.#db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as SourceRow | undefined;
    return row && toSource(row);
  }

  async deleteSource(id: string): Promise<boolean> {
    return this.#db.prepare('DELETE FROM sources WHERE id = ?').run(id).changes > 0;
  }

  async setSourceStatus(id: string, status: SourceStatus): Promise<void> {
    this.#db.prepare('UPDATE sources SET status = ? WHERE id = ?').run(JSON.stringify(status), id);
  }

  async updateSealedSecrets(secrets: { id: string; sealedSecret: string }[]): Promise<void> {
    const update = this.#db.prepare('UPDATE sources SET sealed_secret = ? WHERE id = ?');
    this.#db.transaction(() => {
      for (const s of secrets) update.run(s.sealedSecret, s.id);
    })();
  }

  async writeEntities(w: EntityWrite): Promise<void> {
    const db = this.#db;
    const upsert = db.prepare(
      'INSERT INTO entities (source_id, id, label, alarms) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (source_id, id) DO UPDATE SET label = excluded.label, alarms = excluded.alarms',
    );
    const remove = db.prepare('DELETE FROM entities WHERE source_id = ? AND id = ?');
    const log = db.prepare(
      'INSERT INTO alarm_transitions (source_id, entity_id, alarm_id, from_state, to_state, at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      // A source deleted while its poll was in flight must not come back through its entities.
      if (!db.prepare('SELECT 1 FROM sources WHERE id = ?').get(w.sourceId)) return;
      for (const e of w.upsert) upsert.run(w.sourceId, e.id, e.label, JSON.stringify(e.alarms));
      for (const id of w.remove) remove.run(w.sourceId, id);
      for (const t of w.transitions) log.run(t.sourceId, t.entityId, t.alarmId, t.from, t.to, t.at);
    })();
  }

  async listEntities(sourceId: string): Promise<Entity[]> {
    const rows = this.#db
      .prepare('SELECT id, label, alarms FROM entities WHERE source_id = ? ORDER BY id')
      .all(sourceId) as { id: string; label: string; alarms: string }[];
    return rows.map((r) => ({ id: r.id, label: r.label, alarms: JSON.parse(r.alarms) as Alarm[] }));
  }

  async alarmStatesAt(
    sourceId: string,
    at: number,
  ): Promise<{ entityId: string; alarmId: string; state: AlarmState }[]> {
    const rows = this.#db
      .prepare(
        `SELECT entity_id, alarm_id, to_state FROM (
           SELECT entity_id, alarm_id, to_state,
                  ROW_NUMBER() OVER (PARTITION BY entity_id, alarm_id ORDER BY at DESC, rowid DESC) AS rn
           FROM alarm_transitions WHERE source_id = ? AND at <= ?)
         WHERE rn = 1 ORDER BY entity_id, alarm_id`,
      )
      .all(sourceId, at) as { entity_id: string; alarm_id: string; to_state: string }[];
    return rows.map((r) => ({ entityId: r.entity_id, alarmId: r.alarm_id, state: r.to_state as AlarmState }));
  }

  async listTransitions(
    sourceId: string,
    entityId: string,
    from: number,
    to: number,
  ): Promise<AlarmTransition[]> {
    const rows = this.#db
      .prepare(
        'SELECT alarm_id, from_state, to_state, at FROM alarm_transitions ' +
          'WHERE source_id = ? AND entity_id = ? AND at >= ? AND at < ? ORDER BY at, rowid',
      )
      .all(sourceId, entityId, from, to) as {
      alarm_id: string;
      from_state: string | null;
      to_state: string;
      at: number;
    }[];
    return rows.map((r) => ({
      sourceId,
      entityId,
      alarmId: r.alarm_id,
      from: r.from_state as AlarmState | null,
      to: r.to_state as AlarmState,
      at: r.at,
    }));
  }
}
