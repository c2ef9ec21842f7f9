import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { queryHistory, queryHistoryJson } from './query.js';
import { parseSelector } from './selector.js';
import { SqliteHistoryStore } from './sqlite/store.js';
import { DAY_MS } from './store.js';

const T0 = Date.UTC(2024, 0, 1);
const open: SqliteHistoryStore[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function fresh(): Promise<SqliteHistoryStore> {
  const s = new SqliteHistoryStore(join(mkdtempSync(join(tmpdir(), 'cmon-query-')), 'history.db'), {
    flushIntervalMs: 0,
    retentionIntervalMs: 0,
  });
  await s.init();
  open.push(s);
  return s;
}

/** Runs of repeated values (as gauges are), of every kind the JSON writer formats differently. */
const values = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.integer({ min: -50, max: 50 }),
        fc.maxSafeInteger(),
        fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }),
        fc.constantFrom(
          -0,
          Number.NaN,
          0.1 + 0.2,
          5e-324,
          1e21,
          Number.POSITIVE_INFINITY,
          Number.NEGATIVE_INFINITY,
        ),
      ),
      fc.integer({ min: 1, max: 30 }),
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((runs) => runs.flatMap(([v, k]) => Array<number>(k).fill(v)));

const series = fc.record({
  job: fc.string({ maxLength: 5 }),
  every: fc.constantFrom(15_000, 60_000, 60_000, 3_600_000),
  values,
});

const window = fc.record({
  from: fc.integer({ min: -DAY_MS, max: 2 * DAY_MS }),
  span: fc.integer({ min: 1, max: 3 * DAY_MS }),
  points: fc.integer({ min: 1, max: 2000 }),
});

describe('queryHistoryJson', () => {
  it('writes JSON.stringify of the queryHistory answer, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(series, { minLength: 1, maxLength: 3, selector: (s) => s.job }),
        fc.array(window, { minLength: 1, maxLength: 4 }),
        async (input, windows) => {
          const store = await fresh();
          await store.write(
            input.map((s) => ({
              name: 'm',
              labels: { job: s.job, path: 'é "q" \\ \n😀' },
              t: s.values.map((_, i) => T0 + i * s.every),
              v: s.values,
            })),
          );
          for (const w of windows) {
            const args = [store, parseSelector('m'), T0 + w.from, T0 + w.from + w.span, w.points] as const;
            const json = (await queryHistoryJson(...args)).toString('utf8');
            expect(json).toBe(JSON.stringify(await queryHistory(...args)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('answers no series with an empty list', async () => {
    const store = await fresh();
    const json = await queryHistoryJson(store, parseSelector('nothing'), 0, 1000, 10);
    expect(json.toString()).toBe('{"series":[]}');
  });

  it('answers null where a value JSON cannot hold is (±Inf, which an import may carry)', async () => {
    const store = await fresh();
    await store.write([{ name: 'm', labels: {}, t: [T0, T0 + 60_000], v: [1, Number.POSITIVE_INFINITY] }]);
    const q = async (points: number) =>
      JSON.parse((await queryHistoryJson(store, parseSelector('m'), T0, T0 + 120_000, points)).toString());
    expect((await q(2)).series[0]).toMatchObject({
      min: [1, null],
      max: [1, null],
      avg: [1, null],
      last: [1, null],
    });
    expect((await q(1)).series[0]).toMatchObject({ min: [1], max: [null], avg: [null], last: [null] });
  });
});
