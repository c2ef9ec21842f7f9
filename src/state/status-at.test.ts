import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteHistoryStore } from '../history/sqlite/store.js';
import { sourceStatusAt } from './status-at.js';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;

describe('sourceStatusAt', () => {
  const open: SqliteHistoryStore[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  async function history() {
    const file = join(mkdtempSync(join(tmpdir(), 'cmon-status-at-')), 'history.db');
    const h = new SqliteHistoryStore(file, { flushIntervalMs: 0, retentionIntervalMs: 0 });
    await h.init();
    open.push(h);
    // Polls every minute: ok until T0+5, failing at T0+6 and T0+7, ok at T0+8, then silence.
    const t = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((m) => T0 + m * MIN);
    const v = [1, 1, 1, 1, 1, 1, 0, 0, 1];
    await h.write([{ name: 'cmon_source_up', labels: { source: 'a', source_id: 'acct' }, t, v }]);
    await h.write([{ name: 'cmon_grid_stale', labels: { grid: 'g1' }, t: [T0, T0 + 10 * MIN], v: [0, 1] }]);
    return h;
  }
  const acct = { id: 'acct', type: 'rackspace' };

  it('is what the poll at or before the moment said', async () => {
    const h = await history();
    expect(await sourceStatusAt(h, acct, T0 + 5 * MIN + 30_000, 3 * MIN)).toEqual({
      state: 'ok',
      message: null,
      lastSuccessAt: T0 + 5 * MIN,
      lastErrorAt: null,
    });
    expect(await sourceStatusAt(h, acct, T0 + 7 * MIN, 3 * MIN)).toMatchObject({
      state: 'error',
      lastSuccessAt: T0 + 5 * MIN,
      lastErrorAt: T0 + 7 * MIN,
    });
    expect(await sourceStatusAt(h, acct, T0 + 9 * MIN, 3 * MIN)).toMatchObject({
      state: 'ok',
      lastSuccessAt: T0 + 8 * MIN,
      lastErrorAt: T0 + 7 * MIN,
    });
  });

  it('is stale once the last success is older than the limit, pending before anything was recorded', async () => {
    const h = await history();
    expect(await sourceStatusAt(h, acct, T0 + 11 * MIN + 1, 3 * MIN)).toMatchObject({
      state: 'stale',
      lastSuccessAt: T0 + 8 * MIN,
    });
    expect(await sourceStatusAt(h, acct, T0 - 1, 3 * MIN)).toMatchObject({
      state: 'pending',
      lastSuccessAt: null,
    });
    expect(await sourceStatusAt(h, { id: 'other', type: 'rackspace' }, T0 + MIN, 3 * MIN)).toMatchObject({
      state: 'pending',
    });
  });

  it('judges a grid by its snapshots, whatever their staleness flag said', async () => {
    const h = await history();
    const grid = { id: 'grid:g1', type: 'grid', gridName: 'g1' };
    expect(await sourceStatusAt(h, grid, T0 + 10 * MIN, 15 * MIN)).toMatchObject({
      state: 'ok',
      lastSuccessAt: T0 + 10 * MIN,
    });
    expect(await sourceStatusAt(h, grid, T0 + 9 * MIN, 5 * MIN)).toMatchObject({ state: 'stale' });
  });
});
