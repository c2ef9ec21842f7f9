import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runStoreContract, sampleSource } from '../contract.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { SqliteStore } from './store.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'cmon-sqlite-')), 'cmon.db');

runStoreContract('sqlite file', async () => new SqliteStore(tempFile()));

describe('SqliteStore', () => {
  it('uses WAL and records every migration', async () => {
    const file = tempFile();
    const store = new SqliteStore(file);
    await store.init();
    await store.createSource(sampleSource('a'));
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(versions).toEqual(SQLITE_MIGRATIONS.map((_, i) => ({ version: i + 1 })));
    db.close();
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });

  it('refuses a database from a newer cmon', async () => {
    const file = tempFile();
    const first = new SqliteStore(file);
    await first.init();
    await first.close();
    const db = new Database(file);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (999, 0)').run();
    db.close();
    const second = new SqliteStore(file);
    await expect(second.init()).rejects.toThrow(/newer than this cmon/);
    await second.close();
  });
});
