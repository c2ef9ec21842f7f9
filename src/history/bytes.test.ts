import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextBytes } from './bytes.js';

describe('TextBytes', () => {
  it('writes any safe integer as String() does', () => {
    const n = fc.oneof(
      fc.integer(),
      fc.maxSafeInteger(),
      fc.integer({ min: 0, max: 2 ** 47 }),
      fc.constantFrom(
        0,
        -0,
        9,
        10,
        99_999_999,
        100_000_000,
        Number.MAX_SAFE_INTEGER,
        -Number.MAX_SAFE_INTEGER,
      ),
    );
    fc.assert(
      fc.property(fc.array(n, { maxLength: 50 }), (ns) => {
        const w = new TextBytes(8);
        for (const x of ns) {
          w.int(x);
          w.byte(44);
        }
        expect(w.take().toString('latin1')).toBe(ns.map((x) => `${String(x)},`).join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('grows past its capacity and starts over after take()', () => {
    const w = new TextBytes(4);
    w.ascii('{"a":');
    w.utf8('"é ✓ 😀"');
    w.bytes(Buffer.from(',"b":[1,2]'));
    w.byte(125);
    expect(w.length).toBe(Buffer.byteLength('{"a":"é ✓ 😀","b":[1,2]}'));
    expect(w.take().toString()).toBe('{"a":"é ✓ 😀","b":[1,2]}');
    expect(w.length).toBe(0);
    w.ascii('x');
    expect(w.view().toString()).toBe('x');
  });

  it('repeats the tail of another writer and appends one whole, emptying it', () => {
    const a = new TextBytes(2);
    const b = new TextBytes(2);
    a.ascii('1,');
    const start = a.length;
    a.ascii('2.5');
    b.ascii('[');
    b.repeat(a, start);
    b.repeat(a, start);
    expect(b.view().toString()).toBe('[2.52.5');
    b.append(a);
    expect(b.take().toString()).toBe('[2.52.51,2.5');
    expect(a.length).toBe(0);
  });
});
