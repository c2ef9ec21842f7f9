import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { packageRoot } from '../../util/package-root.js';
import { runHistoryContract } from '../contract.js';
import { TIER_MS } from '../rollup.js';
import { parseSelector } from '../selector.js';
import { DAY_MS } from '../store.js';
import { bucketRows, lastWriteWins, naiveRollup, type Sample } from '../testing.js';
import { SqliteHistoryStore } from './store.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'cmon-history-')), 'history.db');

runHistoryContract(
  'sqlite file',
  async (opts) => new SqliteHistoryStore(tempFile(), { ...opts, flushIntervalMs: 0, retentionIntervalMs: 0 }),
);

describe('SqliteHistoryStore', () => {
  const T0 = Date.UTC(2024, 0, 1);

  it('loses no written sample when the process is killed between checkpoints', async () => {
    const file = tempFile();
    // The built store in a child process that writes, checkpoints, writes more, and is killed.
    const store = pathToFileURL(join(packageRoot(), 'dist/src/history/sqlite/store.js')).href;
    const script = `
      const { SqliteHistoryStore } = await import(${JSON.stringify(store)});
      const s = new SqliteHistoryStore(${JSON.stringify(file)}, { flushIntervalMs: 0, retentionIntervalMs: 0 });
      await s.init();
      const T0 = ${T0};
      const t = Array.from({ length: 3000 }, (_, i) => T0 + i * 60_000);
      await s.write([{ name: 'up', labels: {}, t, v: t.map((_, i) => i % 7) }]);
      await s.flush();
      await s.write([{ name: 'up', labels: {}, t: [T0 + 3000 * 60_000], v: [42] }]);
      for (let k = 0; k < 3; k++)
        await s.write(Array.from({ length: 500 }, (_, i) => ({
          name: 'per_server', labels: { server: 's' + i }, t: [T0 + k * 60_000], v: [i + k / 2] })));
      process.kill(process.pid, 'SIGKILL');`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const b = new SqliteHistoryStore(file, { flushIntervalMs: 0, retentionIntervalMs: 0 });
    await b.init();
    const [rec] = await b.findSeries(parseSelector('up'));
    const raw = await b.readRaw(rec?.id ?? -1, 0, 2 ** 47);
    expect(raw.t.length).toBe(3001);
    expect(raw.v.at(-1)).toBe(42);
    const servers = await b.findSeries(parseSelector('per_server'));
    expect(servers).toHaveLength(500);
    const s7 = servers.find((r) => r.labels.server === 's7');
    expect(Array.from((await b.readRaw(s7?.id ?? -1, 0, 2 ** 47)).v)).toEqual([7, 7.5, 8]);
    const fiveMin = await b.readRollups(s7?.id ?? -1, '5m', 0, 2 ** 47);
    expect(fiveMin).toMatchObject({ count: [3], sum: [22.5], last: [8] });
    await b.write([{ name: 'up', labels: {}, t: [T0 + 3001 * 60_000], v: [43] }]);
    expect((await b.readRaw(rec?.id ?? -1, 0, 2 ** 47)).t.length).toBe(3002);
    await b.close();
  });

  it('keeps what was written across a clean restart, open chunks included', async () => {
    const file = tempFile();
    const a = new SqliteHistoryStore(file, { flushIntervalMs: 0, retentionIntervalMs: 0 });
    await a.init();
    // 2,500 samples: two sealed raw chunks and an open one built of several segments.
    const t = Array.from({ length: 2500 }, (_, i) => T0 + i * 60_000);
    const v = t.map((_, i) => (i % 300 === 0 ? i / 4 : i % 3));
    await a.write([{ name: 'up', labels: {}, t, v }]);
    await a.close();
    const b = new SqliteHistoryStore(file, { flushIntervalMs: 0, retentionIntervalMs: 0 });
    await b.init();
    const [rec] = await b.findSeries(parseSelector('up'));
    const raw = await b.readRaw(rec?.id ?? -1, 0, 2 ** 47);
    expect(Array.from(raw.t)).toEqual(t);
    expect(Array.from(raw.v)).toEqual(v);
    const hours = await b.readRollups(rec?.id ?? -1, '1h', 0, 2 ** 47);
    expect(hours.t).toHaveLength(Math.ceil(2500 / 60));
    expect(hours.count.reduce((x, y) => x + y, 0)).toBe(2500);
    await b.close();
  });

  it('after any writes, checkpoints, restarts and crashes, reads back what was written', async () => {
    const step = fc.record({
      at: fc.integer({ min: 0, max: 3 * DAY_MS }),
      n: fc.integer({ min: 1, max: 700 }),
      every: fc.constantFrom(60_000, 60_000, 15_000, 7 * 60_000, 3_600_000),
      v: fc.integer({ min: -3, max: 40 }),
      after: fc.constantFrom('write', 'write', 'flush', 'restart', 'crash'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        let file = tempFile();
        const open = (f: string) => new SqliteHistoryStore(f, { flushIntervalMs: 0, retentionIntervalMs: 0 });
        let store = open(file);
        await store.init();
        const written: Sample[][] = [];
        for (const st of steps) {
          const batch = Array.from({ length: st.n }, (_, i) => ({
            t: T0 + st.at + i * st.every,
            v: st.v + (i % 3),
          }));
          written.push(batch);
          await store.write([{ name: 'up', labels: {}, t: batch.map((x) => x.t), v: batch.map((x) => x.v) }]);
          if (st.after === 'flush') await store.flush();
          if (st.after === 'restart') {
            await store.close();
            store = open(file);
            await store.init();
          }
          if (st.after === 'crash') {
            // What a kill leaves: the database file and SQLite's own WAL file as they are now.
            const copy = tempFile();
            copyFileSync(file, copy);
            if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
            await store.close();
            file = copy;
            store = open(file);
            await store.init();
          }
        }
        const want = lastWriteWins(written);
        const [rec] = await store.findSeries(parseSelector('up'));
        const raw = await store.readRaw(rec?.id ?? -1, 0, 2 ** 47);
        expect(Array.from(raw.t)).toEqual(want.map((x) => x.t));
        expect(Array.from(raw.v)).toEqual(want.map((x) => x.v));
        for (const tier of ['5m', '1h'] as const) {
          const b = await store.readRollups(rec?.id ?? -1, tier, 0, 2 ** 47);
          expect(bucketRows(b)).toEqual(naiveRollup(want, TIER_MS[tier]));
        }
        await store.close();
      }),
      { numRuns: 40 },
    );
  });

  it('lets the event loop turn while an import applies, and queues writes behind its commit', async () => {
    const file = tempFile();
    const store = new SqliteHistoryStore(file, {
      flushIntervalMs: 0,
      retentionIntervalMs: 0,
      importSliceMs: 0,
    });
    await store.init();
    await store.write([{ name: 'live', labels: {}, t: [T0], v: [1] }]);
    // Another connection sees only what is committed.
    const reader = new Database(file, { readonly: true });
    const committed = () =>
      reader.prepare("SELECT count(*) FROM series WHERE name = 'imported'").pluck().get() as number;
    let turns = 0;
    let counting = false;
    let seenByWrite = -1;
    let queued: Promise<unknown> = Promise.resolve();
    const tick = () => {
      if (!counting) return;
      // The apply has begun by the first turn (it starts in the same run of microtasks as the
      // staging ends): a poll's write arriving now must wait for the import's commit.
      if (++turns === 1)
        queued = store.write([{ name: 'live', labels: {}, t: [T0 + 60_000], v: [2] }]).then(() => {
          seenByWrite = committed();
        });
      setImmediate(tick);
    };
    async function* source() {
      for (let k = 0; k < 20; k++) {
        const t = Array.from({ length: 2000 }, (_, i) => T0 + i * 60_000);
        yield [{ name: 'imported', labels: { k: String(k) }, t, v: t.map((_, i) => i % 5) }];
      }
      counting = true;
      setImmediate(tick);
    }
    const stats = await store.import(source());
    counting = false;
    await queued;
    expect(stats).toMatchObject({ series: 20, samples: 40_000 });
    expect(turns).toBeGreaterThan(5);
    expect(seenByWrite).toBe(20);
    const [live] = await store.findSeries(parseSelector('live'));
    expect(Array.from((await store.readRaw(live?.id ?? -1, 0, 2 ** 47)).v)).toEqual([1, 2]);
    reader.close();
    await store.close();
  });

  /** What a kill leaves: copies of the database and SQLite's WAL file, opened as a new store. */
  async function afterKill(file: string): Promise<SqliteHistoryStore> {
    const copy = tempFile();
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    const s = new SqliteHistoryStore(copy, { flushIntervalMs: 0, retentionIntervalMs: 0 });
    await s.init();
    return s;
  }

  const lastValue = async (store: SqliteHistoryStore, name: string, labels: Record<string, string>) => {
    const [rec] = (await store.findSeries(parseSelector(name))).filter(
      (r) => JSON.stringify(r.labels) === JSON.stringify(labels),
    );
    return (await store.readRaw(rec?.id ?? -1, 0, 2 ** 47)).v.at(-1);
  };

  it('keeps in the log a write that lands while a background checkpoint outlives an import', async () => {
    const file = tempFile();
    const store = new SqliteHistoryStore(file, { flushIntervalMs: 0, retentionIntervalMs: 0 });
    await store.init();
    const batch = (v: number) =>
      Array.from({ length: 6000 }, (_, i) => ({
        name: 'srv',
        labels: { i: String(i) },
        t: [T0 + v * 60_000],
        v: [v],
      }));
    await store.write(batch(1));
    let checkpointDone = false;
    const checkpoint = store.flush({ background: true }).then(() => {
      checkpointDone = true;
    });
    // An import's apply begins with a full checkpoint that empties the log...
    async function* one() {
      yield [{ name: 'imported', labels: {}, t: [T0], v: [1] }];
    }
    await store.import(one());
    // ...then a poll writes series 0, which the background checkpoint has already passed.
    await store.write([{ name: 'srv', labels: { i: '0' }, t: [T0 + 2 * 60_000], v: [2] }]);
    expect(checkpointDone).toBe(false);
    await checkpoint;
    const after = await afterKill(file);
    expect(await lastValue(after, 'srv', { i: '0' })).toBe(2);
    await after.close();
    await store.close();
  });

  it('writes again, and keeps the log for, heads whose checkpoint rolled back; a failed background run is reported', async () => {
    const file = tempFile();
    const errors: string[] = [];
    const store = new SqliteHistoryStore(file, {
      flushIntervalMs: 0,
      retentionIntervalMs: 0,
      onError: (err, what) => errors.push(`${what}: ${(err as Error).message}`),
    });
    await store.init();
    await store.write(
      Array.from({ length: 50 }, (_, i) => ({ name: 'srv', labels: { i: String(i) }, t: [T0], v: [i] })),
    );
    // Another connection makes chunk writes fail, as a full disk would.
    const other = new Database(file);
    other.exec(`CREATE TABLE fail (x INTEGER);
      INSERT INTO fail VALUES (1);
      CREATE TRIGGER fail_insert BEFORE INSERT ON chunks WHEN (SELECT count(*) FROM fail) > 0 AND NEW.series_id > 10
        BEGIN SELECT RAISE(ABORT, 'disk is full (test)'); END;`);
    // The first ten series are written before the failure, then rolled back with the rest.
    await expect(store.flush()).rejects.toThrow(/disk is full/);
    await expect(store.flush({ background: true })).rejects.toThrow(/disk is full/);
    other.exec('DELETE FROM fail');
    await store.flush();
    const after = await afterKill(file);
    for (const i of [0, 5, 17, 49]) expect(await lastValue(after, 'srv', { i: String(i) })).toBe(i);
    await after.close();

    await store.close();

    // On the timer a failure goes to onError (not to the process as an unhandled rejection),
    // and the log keeps the samples until a run succeeds.
    const timed = new SqliteHistoryStore(file, {
      flushIntervalMs: 20,
      retentionIntervalMs: 0,
      onError: (err, what) => errors.push(`${what}: ${(err as Error).message}`),
    });
    await timed.init();
    other.exec('INSERT INTO fail VALUES (1)');
    await timed.write([{ name: 'srv', labels: { i: '30' }, t: [T0 + 60_000], v: [100] }]);
    await vi.waitFor(() => expect(errors).toContain('checkpoint: disk is full (test)'));
    other.exec('DELETE FROM fail');
    other.close();
    await timed.close();
    const reopened = new SqliteHistoryStore(file, { flushIntervalMs: 0, retentionIntervalMs: 0 });
    await reopened.init();
    expect(await lastValue(reopened, 'srv', { i: '30' })).toBe(100);
    await reopened.close();
  });

  it('answers a rewritten value after a query kept the old chunk decoded', async () => {
    const store = new SqliteHistoryStore(tempFile(), { flushIntervalMs: 0, retentionIntervalMs: 0 });
    await store.init();
    const t = Array.from({ length: 3000 }, (_, i) => T0 + i * 60_000);
    await store.write([{ name: 'up', labels: {}, t, v: t.map(() => 1) }]);
    await store.flush();
    const [rec] = await store.findSeries(parseSelector('up'));
    const id = rec?.id ?? -1;
    expect((await store.readRaw(id, t[10] ?? 0, (t[10] ?? 0) + 1)).v[0]).toBe(1);
    const hour = await store.readRollups(id, '1h', T0, T0 + 3_600_000);
    expect(hour.max).toEqual([1]);
    // Same timestamp, new value: the sealed chunk is rewritten with the same start, end and count.
    await store.write([{ name: 'up', labels: {}, t: [t[10] ?? 0], v: [7] }]);
    expect((await store.readRaw(id, t[10] ?? 0, (t[10] ?? 0) + 1)).v[0]).toBe(7);
    expect((await store.readRollups(id, '1h', T0, T0 + 3_600_000)).max).toEqual([7]);
    await store.close();
  });

  it('knows a labels object written again, and not once its series was rolled back', async () => {
    const file = tempFile();
    const store = new SqliteHistoryStore(file, { flushIntervalMs: 0, retentionIntervalMs: 0 });
    await store.init();
    const labels = { a: '1' };
    await store.write([{ name: 'x', labels, t: [T0], v: [1] }]);
    await store.write([{ name: 'y', labels, t: [T0], v: [2] }]);
    await store.write([{ name: 'x', labels, t: [T0 + 1], v: [3] }]);
    expect(await lastValue(store, 'x', labels)).toBe(3);
    expect(await lastValue(store, 'y', labels)).toBe(2);

    // A write that creates a series and then fails: the series is forgotten with it.
    const other = new Database(file);
    other.exec(
      `CREATE TRIGGER fail_log BEFORE INSERT ON wal BEGIN SELECT RAISE(ABORT, 'disk is full (test)'); END;`,
    );
    const fresh = { b: '2' };
    // The same object twice: the second is found as the series the first created, then rolled back.
    await expect(
      store.write([
        { name: 'z', labels: fresh, t: [T0], v: [4] },
        { name: 'z', labels: fresh, t: [T0 + 1], v: [6] },
      ]),
    ).rejects.toThrow(/disk is full/);
    expect(await store.findSeries(parseSelector('z'))).toEqual([]);
    other.exec('DROP TRIGGER fail_log');
    other.close();
    await store.write([{ name: 'z', labels: fresh, t: [T0], v: [5] }]);
    expect(await lastValue(store, 'z', fresh)).toBe(5);
    await store.close();
    const reopened = new SqliteHistoryStore(file, { flushIntervalMs: 0, retentionIntervalMs: 0 });
    await reopened.init();
    expect(await lastValue(reopened, 'z', fresh)).toBe(5);
    expect(await reopened.findSeries(parseSelector('z'))).toHaveLength(1);
    await reopened.close();
  });

  it('refuses retention that would leave rollups without raw behind them', () => {
    expect(() => new SqliteHistoryStore(tempFile(), { retention: { raw: 10, '5m': 5 } })).toThrow(/raw ≤ 5m/);
  });
});
