import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, parsePrometheusText } from './import.js';
import type { SeriesSamples } from './store.js';

async function parse(chunks: string[]): Promise<SeriesSamples[]> {
  async function* body() {
    for (const c of chunks) yield Buffer.from(c);
  }
  const out: SeriesSamples[] = [];
  for await (const batch of parsePrometheusText(body())) out.push(...batch);
  return out;
}

describe('parsePrometheusText', () => {
  it('parses series, escapes, special values and comments, across chunk boundaries', async () => {
    const text = [
      '# HELP up whether it is up',
      '# TYPE up gauge',
      'up{job="a",path="C:\\\\x \\"q\\"\\nz"} 1 1700000000000',
      '',
      'up{job="a",path="C:\\\\x \\"q\\"\\nz"} NaN 1700000060000\r',
      'load 1.5e-3 1700000000000',
      'x{a="é, }"} +Inf 5',
      'x{a="é, }"} -Inf 6',
      'y{} -0 7',
    ].join('\n');
    // Split everywhere, including inside a multi-byte character.
    const bytes = Buffer.from(text);
    const got = await parse([text]);
    expect(got).toEqual([
      {
        name: 'up',
        labels: { job: 'a', path: 'C:\\x "q"\nz' },
        t: [1700000000000, 1700000060000],
        v: [1, Number.NaN],
      },
      { name: 'load', labels: {}, t: [1700000000000], v: [0.0015] },
      { name: 'x', labels: { a: 'é, }' }, t: [5, 6], v: [Infinity, -Infinity] },
      { name: 'y', labels: {}, t: [7], v: [-0] },
    ]);
    async function* split() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    const again: SeriesSamples[] = [];
    for await (const b of parsePrometheusText(split())) again.push(...b);
    expect(again).toEqual(got);
  });

  it('reads every spelling of a value as Number() does', async () => {
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.stringMatching(/^[0-9]{0,18}$/),
        fc.option(fc.stringMatching(/^[0-9]{0,18}$/), { nil: undefined }),
        fc.constantFrom('', '', 'e3', 'e-400', 'E+2'),
      )
      .map(([sign, int, frac, exp]) => `${sign}${int}${frac === undefined ? '' : `.${frac}`}${exp}`)
      .filter((s) => s !== '' && !Number.isNaN(Number(s)));
    await fc.assert(
      fc.asyncProperty(fc.array(decimal, { minLength: 1, maxLength: 20 }), async (values) => {
        const got = await parse([values.map((v, i) => `up ${v} ${i}\n`).join('')]);
        expect(got[0]?.v).toEqual(values.map(Number));
      }),
      { numRuns: 300 },
    );
  });

  it('tells series apart whose text starts like the line before', async () => {
    const got = await parse([
      [
        'up 1 1',
        'upx 2 2',
        'up\t3 3',
        'up{a="1"} 4 4',
        'up{a="1",b="2"} 5 5',
        'up{a="1"}  6 6',
        'up 7 7',
      ].join('\n'),
    ]);
    expect(got.map((s) => [s.name, s.labels, s.t])).toEqual([
      ['up', {}, [1, 3, 7]],
      ['upx', {}, [2]],
      ['up', { a: '1' }, [4, 6]],
      ['up', { a: '1', b: '2' }, [5]],
    ]);
  });

  it('keeps every sample of a series that runs across batches', async () => {
    const n = 70_000;
    const text = Array.from({ length: n }, (_, i) => `up{job="a"} ${i % 3} ${i}`).join('\n');
    const got = await parse([text.slice(0, 1_000_003), text.slice(1_000_003)]);
    expect(got.reduce((k, s) => k + s.t.length, 0)).toBe(n);
    expect(got.flatMap((s) => s.t)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(new Set(got.map((s) => s.labels.job))).toEqual(new Set(['a']));
  });

  it.each([
    ['up 1', 1, /value and a timestamp/],
    ['up 1 2 3', 1, /unexpected text/],
    ['up one 2', 1, /invalid value "one"/],
    ['up 1 2.5', 1, /invalid timestamp "2.5"/],
    ['up 1 -', 1, /invalid timestamp "-"/],
    ['up 1 12345678901234567', 1, /invalid timestamp "12345678901234567"/],
    ['up 1 1\nup x 2', 2, /invalid value "x"/],
    ['up 1 1\nup 2 3 4', 2, /unexpected text/],
    ['ok 1 1\n9up 1 2', 2, /metric name/],
    ['up{job=a} 1 2', 1, /quoted label value/],
    ['up{job="a} 1 2', 1, /expected a value/],
    ['up{job="\\q"} 1 2', 1, /unknown escape/],
    ['up{__x="a"} 1 2', 1, /reserved/],
    ['# c\n\nup{a="b" c="d"} 1 2', 3, /expected "," or "}"/],
  ])('rejects %j at line %i', async (text, line, message) => {
    const err = await parse([text]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).line).toBe(line);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(new RegExp(`^line ${line}: `));
  });
});
