import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffMs, isRateLimited, retryAfterMs, retryDecision } from './retry.js';

const NOW = Date.UTC(2016, 1, 27, 13, 33, 0);
const h = (init: Record<string, string> = {}) => new Headers(init);

describe('retryAfterMs', () => {
  it.each([
    [{ 'Retry-After': '3' }, 3000],
    [{ 'Retry-After': '0' }, 0],
    [{ 'Retry-After': '1.5' }, 1500],
    [{ 'Retry-After': 'Sat, 27 Feb 2016 13:33:07 GMT' }, 7000],
    [{ 'Retry-After': 'Sat, 27 Feb 2016 13:32:00 GMT' }, 0],
    [{ 'Reply-After': '2' }, 2000],
    [{ 'Retry-After': '4', 'Reply-After': '2' }, 4000],
    [{ 'Retry-After': 'whenever', 'Reply-After': '2' }, 2000],
    [{}, undefined],
  ])('%j → %j', (headers, expected) => {
    expect(retryAfterMs(h(headers), NOW)).toBe(expected);
  });
});

describe('isRateLimited', () => {
  const overLimit = { overLimit: { code: 413, message: 'OverLimit Retry...' } };
  it.each([
    [429, { type: 'rateLimitReached' }, {}, true],
    [429, undefined, {}, true],
    [413, overLimit, {}, true],
    [413, undefined, { 'Retry-After': '1' }, true],
    [413, { type: 'requestTooLargeError', code: 413 }, {}, false],
    [413, { type: 'requestTooLargeError', code: '413' }, { 'Retry-After': '1' }, false],
    [413, undefined, {}, false],
    [400, { type: 'rateLimitReached', code: '400' }, {}, true],
    [400, { type: 'limitReached', code: 400 }, { 'Reply-After': '5' }, false],
    [400, { type: 'badRequest' }, {}, false],
    [503, { type: 'systemFailureError' }, {}, false],
  ])('%i %j %j → %s', (status, body, headers, expected) => {
    expect(isRateLimited(status, body, h(headers))).toBe(expected);
  });
});

describe('retryDecision', () => {
  it('carries the server-given delay, retries 5xx, leaves other statuses alone', () => {
    expect(retryDecision(429, undefined, h({ 'Retry-After': '2' }), NOW)).toEqual({
      reason: 'rate_limit',
      delayMs: 2000,
    });
    expect(retryDecision(429, undefined, h(), NOW)).toEqual({ reason: 'rate_limit' });
    expect(retryDecision(502, undefined, h(), NOW)).toEqual({ reason: 'server' });
    expect(retryDecision(404, undefined, h(), NOW)).toBeUndefined();
    expect(retryDecision(401, undefined, h(), NOW)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('grows exponentially, with jitter between half and the full step, and never exceeds the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 120_000 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (attempt, cap, r) => {
          const step = Math.min(cap, 500 * 2 ** attempt);
          const d = backoffMs(attempt, cap, () => r);
          expect(d).toBeGreaterThanOrEqual(Math.floor(step / 2));
          expect(d).toBeLessThanOrEqual(Math.min(cap, step));
        },
      ),
    );
    expect([0, 1, 2, 3].map((a) => backoffMs(a, 60_000, () => 0.999999))).toEqual([500, 1000, 2000, 4000]);
  });
});
