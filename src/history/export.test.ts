import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportSamples, FLUSH_BYTES, formatValue } from './export.js';
import { parsePrometheusText } from './import.js';
import { parseSelector } from './selector.js';
import { SqliteHistoryStore } from './sqlite/store.js';
import type { SeriesSamples } from './store.js';

const fresh = async () => {
  const s = new SqliteHistoryStore(join(mkdtempSync(join(tmpdir(), 'cmon-export-')), 'history.db'), {
    flushIntervalMs: 0,
    retentionIntervalMs: 0,
  });
  await s.init();
  return s;
};

async function text(gen: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const b of gen) chunks.push(b);
  return Buffer.concat(chunks).toString('utf8');
}

async function* once(s: string) {
  yield s;
}

const series = fc.record({
  job: fc.string({ maxLength: 6 }),
  samples: fc.uniqueArray(
    fc.record({
      t: fc.integer({ min: 0, max: 2 ** 46 }),
      v: fc.oneof(fc.double(), fc.integer({ min: 0, max: 9 })),
    }),
    { minLength: 1, maxLength: 300, selector: (s) => s.t },
  ),
});

describe('import → export', () => {
  it('round-trips any samples and labels exactly, through Prometheus text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(series, { minLength: 1, maxLength: 3, selector: (s) => s.job }),
        async (input) => {
          const store = await fresh();
          const body = input
            .flatMap((s) => s.samples.map(({ t, v }) => ({ job: s.job, t, v })))
            .map(
              ({ job, t, v }) =>
                `m{job="${job.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))}"} ${Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : v} ${t}`,
            )
            .join('\n');
          await store.import(parsePrometheusText(once(body)));
          const exported = await text(exportSamples(store, parseSelector('m'), 0, 2 ** 47, 'prometheus'));
          const back: SeriesSamples[] = [];
          for await (const b of parsePrometheusText(once(exported))) back.push(...b);
          const norm = (xs: SeriesSamples[]) =>
            xs
              .map((s) => ({
                job: s.labels.job ?? '',
                pairs: s.t.map((t, i) => [t, s.v[i]]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)),
              }))
              .sort((a, b) => (a.job < b.job ? -1 : 1));
          const want = input.map((s) => ({
            job: s.job,
            pairs: s.samples.map(({ t, v }) => [t, v]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)),
          }));
          expect(norm(back)).toEqual(
            norm(
              want.map((w) => ({
                name: 'm',
                labels: { job: w.job },
                t: w.pairs.map((p) => p[0] ?? 0),
                v: w.pairs.map((p) => p[1] ?? 0),
              })),
            ),
          );
          await store.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('streams a long export in chunks that each end a line', async () => {
    const store = await fresh();
    const t = Array.from({ length: 12_000 }, (_, i) => 1_700_000_000_000 + i * 60_000);
    const values = [(i: number) => i % 4, (i: number) => (i % 9 === 0 ? -0 : i / 7), () => Number.NaN];
    await store.write(
      values.map((f, k) => ({
        name: 'm',
        labels: { job: `j${k}`, path: 'é,"x"' },
        t,
        v: t.map((_, i) => f(i)),
      })),
    );
    for (const format of ['prometheus', 'csv'] as const) {
      const chunks: Buffer[] = [];
      for await (const c of exportSamples(store, parseSelector('m'), 0, 2 ** 47, format)) chunks.push(c);
      expect(chunks.length).toBeGreaterThan(1);
      for (const c of chunks) {
        expect(c.length).toBeLessThan(FLUSH_BYTES + 1024);
        expect(c.at(-1)).toBe(10);
      }
      const want = values.flatMap((f, k) =>
        t.map((ts, i) => {
          const key = `m{job="j${k}",path="é,\\"x\\""}`;
          return format === 'csv'
            ? `"${key.replaceAll('"', '""')}",${ts},${formatValue(f(i))}\n`
            : `${key} ${formatValue(f(i))} ${ts}\n`;
        }),
      );
      expect(Buffer.concat(chunks).toString()).toBe(
        (format === 'csv' ? 'series,timestamp,value\n' : '') + want.join(''),
      );
    }
    await store.close();
  });

  it('writes CSV with a header and quoted series', async () => {
    const store = await fresh();
    await store.write([{ name: 'up', labels: { job: 'a,b' }, t: [1000, 2000], v: [1, Number.NaN] }]);
    const csv = await text(exportSamples(store, parseSelector('up'), 0, 1500, 'csv'));
    expect(csv).toBe('series,timestamp,value\n"up{job=""a,b""}",1000,1\n');
    await store.close();
  });
});
