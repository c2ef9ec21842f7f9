import { afterEach, describe, expect, it } from 'vitest';
import { Limiter } from './limiter.js';
import { failure, type SimFixture, startSim } from './testing.js';

let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.sim.stop();
  fx = undefined;
});

describe('rate limits (§3.1, §9.7)', () => {
  it('waits Retry-After seconds on 429 and succeeds', async () => {
    fx = await startSim({ servers: 3 });
    fx.sim.faults.rateLimit = {
      remaining: 2,
      status: 429,
      retryAfter: 'seconds',
      seconds: 3,
      scope: 'monitoring',
    };
    expect(await fx.client().fetchOverview()).toEqual(fx.sim.truth(fx.account.tenantId));
    expect(fx.sleeps).toEqual([3000, 3000]);
    expect(fx.sim.requestLog.status(429)).toBe(2);
  });

  it.each([429, 413] as const)('reads Retry-After as an HTTP date on %i', async (status) => {
    fx = await startSim({ servers: 3 });
    fx.sim.faults.rateLimit = { remaining: 1, status, retryAfter: 'date', seconds: 2, scope: 'monitoring' };
    await fx.client().fetchOverview();
    expect(fx.sleeps).toHaveLength(1);
    // An HTTP date has one-second resolution, so 2 s ahead reads as 1–2 s.
    expect(fx.sleeps[0]).toBeGreaterThanOrEqual(900);
    expect(fx.sleeps[0]).toBeLessThanOrEqual(2000);
  });

  it('treats 400 rateLimitReached as a rate limit and reads Reply-After (sic)', async () => {
    fx = await startSim({ servers: 3 });
    fx.sim.faults.rateLimit = {
      remaining: 1,
      status: 400,
      retryAfter: 'reply-after',
      seconds: 5,
      scope: 'all',
    };
    await fx.client().fetchOverview();
    expect(fx.sleeps).toEqual([5000]);
  });

  it('backs off exponentially when no header says how long, capped at maxBackoffMs', async () => {
    fx = await startSim({ servers: 3 });
    fx.sim.faults.rateLimit = {
      remaining: 4,
      status: 429,
      retryAfter: 'none',
      seconds: 0,
      scope: 'monitoring',
    };
    await fx.client({ maxBackoffMs: 2000 }).fetchOverview();
    const [a = 0, b = 0, c = 0, d = 0] = fx.sleeps;
    expect([
      a >= 250 && a <= 500,
      b >= 500 && b <= 1000,
      c >= 1000 && c <= 2000,
      d >= 1000 && d <= 2000,
    ]).toEqual([true, true, true, true]);
  });

  it('gives up after maxRetries with a readable message', async () => {
    fx = await startSim();
    fx.sim.faults.rateLimit = {
      remaining: 100,
      status: 429,
      retryAfter: 'seconds',
      seconds: 1,
      scope: 'monitoring',
    };
    const err = await failure(fx.client().fetchOverview());
    expect(err).toMatchObject({
      kind: 'rate_limit',
      status: 429,
      message: 'Rate limited by Rackspace (HTTP 429), gave up after 4 retries',
    });
    expect(fx.sim.requestLog.count('/views/overview')).toBe(5);
  });

  it('does not sit out a Retry-After longer than maxBackoffMs', async () => {
    fx = await startSim();
    fx.sim.faults.rateLimit = {
      remaining: 1,
      status: 429,
      retryAfter: 'seconds',
      seconds: 3600,
      scope: 'monitoring',
    };
    const err = await failure(fx.client().fetchOverview());
    expect(err).toMatchObject({
      kind: 'rate_limit',
      message: 'Rate limited by Rackspace (HTTP 429), asked to retry after 3600 s',
    });
    expect(fx.sleeps).toEqual([]);
  });

  it.each([
    [413, 'requestTooLargeError', 'Response body is too large', { 'Retry-After': '1' }],
    [400, 'limitReached', 'Limit has been reached', { 'Reply-After': '1' }],
  ])('never retries %i %s', async (status, type, message, headers) => {
    fx = await startSim();
    await fx.client().authenticate();
    fx.sim.faults.injectErrors.push({ status, type, message, details: 'x', headers });
    const err = await failure(fx.client().fetchOverview());
    expect(err).toMatchObject({
      kind: 'client',
      status,
      message: `Rackspace monitoring API error: ${message}: x (HTTP ${status})`,
    });
    expect(fx.sleeps).toEqual([]);
    expect(fx.sim.requestLog.count('/views/overview')).toBe(1);
  });
});

describe('the shared Limiter', () => {
  it('caps concurrent requests at the sim across all accounts', async () => {
    fx = await startSim({ accounts: 4, servers: 3 });
    fx.sim.faults.slowMs = 30;
    const limiter = new Limiter(2);
    const { sim } = fx;
    const clients = sim.accounts().map((a) => fx?.client({ limiter }, a));
    const results = await Promise.all(clients.map((c) => c?.fetchOverview()));
    expect(results.map((r) => r?.length)).toEqual([3, 3, 3, 3]);
    expect(sim.requestLog.maxInFlight).toBe(2);
  });

  it('does not hold a slot while a rate-limited request waits', async () => {
    fx = await startSim({ accounts: 2, servers: 2 });
    const [a, b] = fx.sim.accounts();
    const limiter = new Limiter(1);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let slotsWhileWaiting = -1;
    const sleep = async () => {
      slotsWhileWaiting = limiter.active;
      await gate;
    };
    const first = fx.client({ limiter, sleep }, a);
    const second = fx.client({ limiter }, b);
    await first.authenticate();
    fx.sim.faults.rateLimit = {
      remaining: 1,
      status: 429,
      retryAfter: 'seconds',
      seconds: 1,
      scope: 'monitoring',
    };
    const waiting = first.fetchOverview();
    await new Promise((r) => setTimeout(r, 50));
    // With the first client asleep on its Retry-After, the other account still gets through the limiter.
    expect(await second.fetchOverview()).toHaveLength(2);
    expect(slotsWhileWaiting).toBe(0);
    release();
    expect(await waiting).toHaveLength(2);
  });
});
