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

  it.each([
    ['up 1', 1, /value and a timestamp/],
    ['up 1 2 3', 1, /unexpected text/],
    ['up one 2', 1, /invalid value "one"/],
    ['up 1 2.5', 1, /invalid timestamp/],
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
