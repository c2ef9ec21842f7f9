import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Limiter } from './limiter.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('Limiter', () => {
  it('never runs more than max at once and runs everything', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 30 }), async (max, jobs) => {
        const limiter = new Limiter(max);
        let active = 0;
        let peak = 0;
        const results = await Promise.all(
          Array.from({ length: jobs }, (_, i) =>
            limiter.run(async () => {
              active++;
              peak = Math.max(peak, active);
              await Promise.resolve();
              active--;
              return i;
            }),
          ),
        );
        expect(results).toEqual(Array.from({ length: jobs }, (_, i) => i));
        expect(peak).toBeLessThanOrEqual(max);
        expect(limiter.active).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it('serves waiters in order and frees the slot when a job throws', async () => {
    const limiter = new Limiter(1);
    const order: number[] = [];
    const failing = limiter.run(async () => {
      await tick();
      throw new Error('boom');
    });
    const rest = [1, 2, 3].map((n) => limiter.run(async () => void order.push(n)));
    expect(limiter.pending).toBe(3);
    await expect(failing).rejects.toThrow('boom');
    await Promise.all(rest);
    expect(order).toEqual([1, 2, 3]);
    expect(limiter.active).toBe(0);
  });

  it('rejects a max below 1', () => {
    expect(() => new Limiter(0)).toThrow(RangeError);
  });
});
