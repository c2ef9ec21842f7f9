import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChunk, decodeColumns, encodeChunk, encodeColumns } from './chunk.js';
import { MAX_TIMESTAMP } from './timestamps.js';

/** Strictly increasing timestamps: regular runs, jitter, big jumps, the whole allowed range. */
const timestamps = (n: number) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: 2 ** 46 }),
      fc.array(
        fc.oneof(
          fc.constant(60_000),
          fc.integer({ min: 1, max: 1000 }),
          fc.integer({ min: 1, max: 2 ** 40 }),
        ),
        { minLength: n, maxLength: n },
      ),
    )
    .map(([start, gaps]) => {
      const t = [start];
      for (const g of gaps.slice(1)) t.push(Math.min(MAX_TIMESTAMP, (t.at(-1) ?? 0) + g));
      return [...new Set(t)];
    });

const value = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 50 }),
  fc.integer({ min: -(2 ** 52), max: 2 ** 52 }),
  fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, Number.MIN_VALUE, Number.MAX_VALUE, 0.1 + 0.2),
);

/** Runs of repeated values, as monitoring data mostly is. */
const values = (n: number) =>
  fc
    .array(fc.tuple(value, fc.integer({ min: 1, max: 20 })), { minLength: 1, maxLength: n + 1 })
    .map((runs) => runs.flatMap(([v, k]) => Array<number>(k).fill(v)));

const samples = fc
  .integer({ min: 0, max: 600 })
  .chain((n) => fc.tuple(timestamps(n), values(n)))
  .map(([t, v]) => ({ t, v: v.slice(0, t.length).concat(Array(Math.max(0, t.length - v.length)).fill(1)) }));

const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]));

describe('chunk encoding', () => {
  it('decodes exactly what was encoded (floats bit for bit, -0 and NaN included)', () => {
    fc.assert(
      fc.property(samples, ({ t, v }) => {
        const got = decodeChunk(encodeChunk({ t, v }));
        return same(got.t, t) && same(got.v, v);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips several columns sharing timestamps', () => {
    fc.assert(
      fc.property(samples, samples, ({ t, v }, other) => {
        const w = t.map((_, i) => other.v[i % Math.max(1, other.v.length)] ?? 0);
        const got = decodeColumns(encodeColumns(t, [v, w, v]));
        return same(got.t, t) && got.cols.length === 3 && same(got.cols[1] ?? [], w);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['an empty chunk', [], []],
    ['one sample', [5], [1.5]],
    ['the largest timestamp', [0, MAX_TIMESTAMP], [1, 2]],
    ['huge and tiny values', [1, 2, 3, 4], [1e308, -1e-308, 5e-324, -(2 ** 53)]],
  ])('round-trips %s', (_, t, v) => {
    const got = decodeChunk(encodeChunk({ t, v }));
    expect(same(got.t, t) && same(got.v, v)).toBe(true);
  });

  it('spends about two bits a sample on a steady scrape of a constant', () => {
    const t = Array.from({ length: 1024 }, (_, i) => 1_700_000_000_000 + i * 60_000);
    const bytes = encodeChunk({ t, v: t.map(() => 3) }).length;
    expect(bytes).toBeLessThan(1024 / 4 + 32);
  });

  it('rejects a truncated or foreign chunk', () => {
    const buf = encodeChunk({ t: [1, 2, 3], v: [0.1, 0.2, 0.3] });
    expect(() => decodeChunk(buf.slice(0, 5))).toThrow(/truncated/);
    expect(() => decodeChunk(Uint8Array.of(9, 0, 0))).toThrow(/format/);
  });
});
