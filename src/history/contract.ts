import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { queryHistory } from './query.js';
import { parseSelector } from './selector.js';
import { DAY_MS, type HistoryStore, type Retention, type SeriesSamples } from './store.js';
import { bucketRows, lastWriteWins, naiveQuery, naiveRollup, type Sample } from './testing.js';

export type MakeHistoryStore = (opts?: { retention?: Partial<Retention> }) => Promise<HistoryStore>;

const T0 = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;
const up = (t: number[], v: number[], labels: Record<string, string> = { job: 'a' }): SeriesSamples => ({
  name: 'up',
  labels,
  t,
  v,
});
const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]));

/** Batches of a few days of samples, mostly every minute, with gaps, jitter and late rewrites. */
const writes = fc
  .array(
    fc.record({
      at: fc.integer({ min: 0, max: 3 * DAY_MS }),
      n: fc.integer({ min: 1, max: 900 }),
      every: fc.constantFrom(60_000, 60_000, 15_000, 7 * 60_000, 2 * HOUR),
      v: fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constant(Number.NaN)),
      drift: fc.integer({ min: 0, max: 3 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((specs) =>
    specs.map((s) =>
      Array.from({ length: s.n }, (_, i) => ({
        t: T0 + s.at + i * s.every,
        v: Number.isNaN(s.v) ? s.v : s.v + (i % (s.drift + 1)),
      })),
    ),
  );

async function writeAll(store: HistoryStore, batches: Sample[][]): Promise<void> {
  for (const b of batches)
    await store.write([
      up(
        b.map((s) => s.t),
        b.map((s) => s.v),
      ),
    ]);
}

/** One behaviour for every HistoryStore implementation: each implementation's test file calls this. */
export function runHistoryContract(name: string, make: MakeHistoryStore): void {
  describe(`HistoryStore contract: ${name}`, () => {
    const open: HistoryStore[] = [];
    const fresh = async (opts?: { retention?: Partial<Retention> }) => {
      const s = await make(opts);
      await s.init();
      open.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
    });

    it('lists series by selector, labels normalised', async () => {
      const store = await fresh();
      await store.write([
        up([T0], [1], { job: 'a', x: '' }),
        up([T0], [2], { job: 'b' }),
        { ...up([T0], [3]), name: 'down' },
      ]);
      const names = (sel: string) =>
        store.findSeries(parseSelector(sel)).then((r) => r.map((s) => [s.name, s.labels]));
      expect(await names('up')).toEqual([
        ['up', { job: 'a' }],
        ['up', { job: 'b' }],
      ]);
      expect(await names('{job=~"a|b",__name__!="down"}')).toHaveLength(2);
      expect(await names('{job="a"}')).toEqual([
        ['down', { job: 'a' }],
        ['up', { job: 'a' }],
      ]);
    });

    it('rejects a bad series name and invalid timestamps', async () => {
      const store = await fresh();
      await expect(store.write([{ ...up([T0], [1]), name: '1bad' }])).rejects.toThrow(/metric name/);
      expect(await store.write([up([T0, -1, 1.5, 2 ** 50], [1, 2, 3, 4])])).toEqual({
        series: 1,
        samples: 1,
        rejected: 3,
      });
    });

    it('keeps raw samples bit for bit, last write wins, late ones merged, rollups equal a naive computation', async () => {
      await fc.assert(
        fc.asyncProperty(writes, async (batches) => {
          const store = await fresh();
          await writeAll(store, batches);
          const [rec] = await store.findSeries(parseSelector('up'));
          const want = lastWriteWins(batches);
          const got = await store.readRaw(rec?.id ?? -1, 0, 2 ** 47);
          expect(
            same(
              got.t,
              want.map((s) => s.t),
            ) &&
              same(
                got.v,
                want.map((s) => s.v),
              ),
          ).toBe(true);
          for (const [tier, width] of [
            ['5m', 300_000],
            ['1h', HOUR],
          ] as const) {
            const b = await store.readRollups(rec?.id ?? -1, tier, 0, 2 ** 47);
            expect(bucketRows(b)).toEqual(naiveRollup(want, width));
          }
          await store.close();
        }),
        { numRuns: 40 },
      );
    });

    it('answers queries as the naive computation over raw samples, across tiers and retention', async () => {
      const query = fc.record({
        from: fc.integer({ min: -DAY_MS, max: 4 * DAY_MS }),
        span: fc.integer({ min: 1, max: 5 * DAY_MS }),
        points: fc.integer({ min: 1, max: 3000 }),
        aligned: fc.boolean(),
        retentionDays: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      });
      await fc.assert(
        fc.asyncProperty(writes, query, async (batches, q) => {
          const retention = q.retentionDays
            ? { raw: q.retentionDays * DAY_MS, '5m': (q.retentionDays + 1) * DAY_MS }
            : {};
          const store = await fresh({ retention });
          await writeAll(store, batches);
          if (q.retentionDays) await store.enforceRetention(T0 + 4 * DAY_MS);
          let from = T0 + q.from;
          let to = from + q.span;
          let points = q.points;
          if (q.aligned) {
            // Aligned on the hour with a whole number of hours a step: every tier is exact.
            from = Math.floor(from / HOUR) * HOUR;
            points = Math.min(points, 100);
            to = from + points * HOUR * Math.max(1, Math.round(q.span / HOUR / points));
          }
          const got = await queryHistory(store, parseSelector('up'), from, to, points);
          const want = naiveQuery(lastWriteWins(batches), from, to, points, await store.floors());
          expect(got.series).toHaveLength(1);
          expect(got.series[0]).toEqual({ name: 'up', labels: { job: 'a' }, ...want });
          await store.close();
        }),
        { numRuns: 60 },
      );
    });

    it('commits nothing of an import whose source fails', async () => {
      const store = await fresh();
      await store.write([up([T0], [1])]);
      async function* source() {
        yield [up([T0 + 1, T0 + 2], [2, 3]), up([T0], [9], { job: 'new' })];
        throw new Error('line 3: bad');
      }
      await expect(store.import(source())).rejects.toThrow(/line 3/);
      expect(await store.findSeries(parseSelector('up'))).toHaveLength(1);
      const [rec] = await store.findSeries(parseSelector('up'));
      expect(Array.from((await store.readRaw(rec?.id ?? -1, 0, 2 ** 47)).v)).toEqual([1]);
    });

    it('imports all or nothing, merging with what is there', async () => {
      const store = await fresh();
      await store.write([up([T0 + 60_000], [1])]);
      async function* source() {
        yield [up([T0, T0 + 60_000, T0 + 120_000], [5, 6, 7])];
        yield [up([T0 + 180_000], [8], { job: 'b' })];
      }
      expect(await store.import(source())).toEqual({ series: 2, samples: 4, rejected: 0 });
      const [rec] = await store.findSeries(parseSelector('up{job="a"}'));
      expect(Array.from((await store.readRaw(rec?.id ?? -1, 0, 2 ** 47)).v)).toEqual([5, 6, 7]);
    });

    it('enforces retention per tier and rejects late samples raw can no longer back', async () => {
      const store = await fresh({ retention: { raw: DAY_MS, '5m': 2 * DAY_MS, '1h': 3 * DAY_MS } });
      const t = Array.from({ length: 5 * 24 * 60 }, (_, i) => T0 + i * 60_000);
      await store.write([
        up(
          t,
          t.map(() => 1),
        ),
      ]);
      await store.flush();
      const now = T0 + 5 * DAY_MS;
      const deleted = await store.enforceRetention(now);
      expect(deleted.raw).toBeGreaterThan(0);
      expect(await store.floors()).toEqual({
        raw: now - DAY_MS,
        '5m': now - 2 * DAY_MS,
        '1h': now - 3 * DAY_MS,
      });
      expect(await store.write([up([T0 + HOUR], [5])])).toMatchObject({ samples: 0, rejected: 1 });
    });
  });
}
