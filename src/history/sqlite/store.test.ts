import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHistoryContract } from '../contract.js';
import { parseSelector } from '../selector.js';
import { SqliteHistoryStore } from './store.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'cmon-history-')), 'history.db');

runHistoryContract(
  'sqlite file',
  async (opts) => new SqliteHistoryStore(tempFile(), { ...opts, flushIntervalMs: 0, retentionIntervalMs: 0 }),
);

describe('SqliteHistoryStore', () => {
  const T0 = Date.UTC(2024, 0, 1);

  it('keeps flushed samples across a restart, and only those after a crash', async () => {
    const file = tempFile();
    const a = new SqliteHistoryStore(file, { flushIntervalMs: 0 });
    await a.init();
    const t = Array.from({ length: 3000 }, (_, i) => T0 + i * 60_000);
    await a.write([{ name: 'up', labels: {}, t, v: t.map((_, i) => i % 7) }]);
    await a.flush();
    await a.write([{ name: 'up', labels: {}, t: [T0 + 3000 * 60_000], v: [42] }]);
    // A second handle reading the file is what a restart after a crash finds: the last flush.
    const b = new SqliteHistoryStore(file, { flushIntervalMs: 0, retentionIntervalMs: 0 });
    await b.init();
    const [rec] = await b.findSeries(parseSelector('up'));
    const raw = await b.readRaw(rec?.id ?? -1, 0, 2 ** 47);
    expect(raw.t.length).toBe(3000);
    await a.close();
    const c = new SqliteHistoryStore(file, { flushIntervalMs: 0, retentionIntervalMs: 0 });
    await c.init();
    expect((await c.readRaw(rec?.id ?? -1, 0, 2 ** 47)).v.at(-1)).toBe(42);
    await c.write([{ name: 'up', labels: {}, t: [T0 + 3001 * 60_000], v: [43] }]);
    expect((await c.readRaw(rec?.id ?? -1, 0, 2 ** 47)).t.length).toBe(3002);
    await b.close();
    await c.close();
  });

  it('refuses retention that would leave rollups without raw behind them', () => {
    expect(() => new SqliteHistoryStore(tempFile(), { retention: { raw: 10, '5m': 5 } })).toThrow(/raw ≤ 5m/);
  });
});
