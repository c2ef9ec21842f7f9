import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32, pick, randInt, randomId, shuffle } from './random.js';

describe('seeded PRNG', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const seq = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(seq(1)).toEqual(seq(1));
    expect(seq(1)).not.toEqual(seq(2));
  });

  it('stays in range', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (seed, min, span) => {
          const rng = mulberry32(seed);
          const x = rng();
          expect(x >= 0 && x < 1).toBe(true);
          const n = randInt(rng, min, min + span);
          expect(n >= min && n <= min + span && Number.isInteger(n)).toBe(true);
        },
      ),
    );
  });

  it('makes MaaS-style ids and permutations', () => {
    const rng = mulberry32(3);
    expect(randomId(rng, 'en')).toMatch(/^en[A-Za-z0-9]{8}$/);
    expect(shuffle(rng, [1, 2, 3, 4]).sort()).toEqual([1, 2, 3, 4]);
    expect(() => pick(rng, [])).toThrow(RangeError);
  });
});
