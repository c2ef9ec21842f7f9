import type Database from 'better-sqlite3';
import type { GridStore, StoredSnapshot } from '../grid-types.js';

interface Row {
  grid: string;
  snapshot_id: string;
  collected_at: number;
  received_at: number;
  body: Buffer;
}

export class SqliteGridStore implements GridStore {
  constructor(private readonly db: Database.Database) {}

  async putSnapshot(s: StoredSnapshot): Promise<'stored' | 'duplicate'> {
    const db = this.db;
    return db.transaction((): 'stored' | 'duplicate' => {
      const seen = db
        .prepare('INSERT OR IGNORE INTO grid_snapshot_ids (grid, snapshot_id, received_at) VALUES (?, ?, ?)')
        .run(s.grid, s.snapshotId, s.receivedAt);
      if (seen.changes === 0) return 'duplicate';
      db.prepare(
        `INSERT INTO grid_snapshots (grid, snapshot_id, collected_at, received_at, body) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (grid) DO UPDATE SET snapshot_id = excluded.snapshot_id, collected_at = excluded.collected_at,
           received_at = excluded.received_at, body = excluded.body
         WHERE excluded.collected_at >= grid_snapshots.collected_at`,
      ).run(s.grid, s.snapshotId, s.collectedAt, s.receivedAt, s.body);
      return 'stored';
    })();
  }

  async latestSnapshots(): Promise<StoredSnapshot[]> {
    const rows = this.db.prepare('SELECT * FROM grid_snapshots ORDER BY grid').all() as Row[];
    return rows.map((r) => ({
      grid: r.grid,
      snapshotId: r.snapshot_id,
      collectedAt: r.collected_at,
      receivedAt: r.received_at,
      body: r.body,
    }));
  }

  async deleteGrid(grid: string): Promise<boolean> {
    const db = this.db;
    return db.transaction(() => {
      db.prepare('DELETE FROM grid_snapshot_ids WHERE grid = ?').run(grid);
      return db.prepare('DELETE FROM grid_snapshots WHERE grid = ?').run(grid).changes > 0;
    })();
  }

  async pruneSnapshotIds(before: number): Promise<number> {
    return this.db.prepare('DELETE FROM grid_snapshot_ids WHERE received_at < ?').run(before).changes;
  }
}
