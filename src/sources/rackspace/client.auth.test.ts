import { afterEach, describe, expect, it } from 'vitest';
import { RackspaceClient, RackspaceError } from './client.js';
import { failure, type SimFixture, startSim } from './testing.js';

let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.sim.stop();
  fx = undefined;
});

describe('authentication (§9.1, §9.2)', () => {
  it('reports bad credentials with the Identity message and no secret', async () => {
    fx = await startSim();
    const { username, tenantId } = fx.account;
    const apiKey = 'not-the-right-key-12345';
    const client = new RackspaceClient({ username, apiKey, identityUrl: fx.sim.identityUrl });
    const err = await failure(client.fetchOverview());
    expect(err).toBeInstanceOf(RackspaceError);
    expect(err).toMatchObject({
      kind: 'auth',
      status: 401,
      message: 'Authentication failed: Unable to authenticate user with credentials provided. (HTTP 401)',
    });
    expect(String((err as Error).message)).not.toContain(apiKey);
    expect(fx.sim.requestLog.count(`/v1.0/${tenantId}/views/overview`)).toBe(0);
  });

  it('treats a user in faults.badCredentials as rejected even with the right key', async () => {
    fx = await startSim();
    fx.sim.faults.badCredentials.add(fx.account.username);
    expect(await failure(fx.client().authenticate())).toMatchObject({ kind: 'auth', status: 401 });
    expect(fx.sim.requestLog.count('/tokens')).toBe(1);
  });

  it('on a 401 re-authenticates once and retries the same call', async () => {
    fx = await startSim({ servers: 4 });
    const client = fx.client();
    await client.fetchOverview();
    fx.sim.faults.expireTokens();
    expect(await client.fetchOverview()).toEqual(fx.sim.truth(fx.account.tenantId));
    expect(fx.sim.requestLog.count('/tokens')).toBe(2);
    expect(fx.sim.requestLog.status(401)).toBe(1);
  });

  it('copes with Identity handing back the same token id after re-auth', async () => {
    fx = await startSim({ servers: 4 });
    fx.sim.faults.reuseTokenIds = true;
    const client = fx.client();
    await client.fetchOverview();
    fx.sim.faults.expireTokens();
    expect(await client.fetchOverview()).toHaveLength(4);
    expect(fx.sim.requestLog.count('/tokens')).toBe(2);
  });

  it('fails clearly when the fresh token is rejected too', async () => {
    fx = await startSim();
    const client = fx.client();
    await client.authenticate();
    const unauthorized = {
      status: 401,
      type: 'unauthorizedError',
      message: 'Invalid authentication token. Please renew.',
    };
    fx.sim.faults.injectErrors.push(unauthorized, unauthorized);
    const err = await failure(client.fetchOverview());
    expect(err).toMatchObject({
      kind: 'auth',
      status: 401,
      message:
        'Authentication failed: token rejected again after re-authenticating: Invalid authentication token. Please renew. (HTTP 401)',
    });
    expect(fx.sim.requestLog.count('/tokens')).toBe(2);
    expect(fx.sim.requestLog.count('/views/overview')).toBe(2);
  });

  it('re-authenticates shortly before the token expires, without waiting for a 401', async () => {
    let clock = Date.now();
    const now = () => clock;
    fx = await startSim({ now, tokenTtlMs: 10 * 60_000 });
    const client = fx.client({ now, refreshBeforeExpiryMs: 5 * 60_000 });
    await client.fetchOverview();
    clock += 4 * 60_000;
    await client.fetchOverview();
    expect(fx.sim.requestLog.count('/tokens')).toBe(1);
    clock += 2 * 60_000;
    await client.fetchOverview();
    expect(fx.sim.requestLog.count('/tokens')).toBe(2);
    expect(fx.sim.requestLog.status(401)).toBe(0);
  });

  it('recovers with one re-auth when the sim lets a token run out', async () => {
    let clock = Date.now();
    const now = () => clock;
    fx = await startSim({ now, tokenTtlMs: 10 * 60_000 });
    // The client believes the token is good for much longer than the sim honours it.
    const client = fx.client({ now: () => clock - 60 * 60_000, refreshBeforeExpiryMs: 0 });
    await client.fetchOverview();
    clock += 11 * 60_000;
    await client.fetchOverview();
    expect(fx.sim.requestLog.status(401)).toBe(1);
    expect(fx.sim.requestLog.count('/tokens')).toBe(2);
  });

  it('retries 413 overLimit from Identity (§1.4) and then authenticates', async () => {
    fx = await startSim();
    fx.sim.faults.rateLimit = {
      remaining: 2,
      status: 413,
      retryAfter: 'seconds',
      seconds: 2,
      scope: 'identity',
    };
    await fx.client().authenticate();
    expect(fx.sleeps).toEqual([2000, 2000]);
    expect(fx.sim.requestLog.count('/tokens')).toBe(3);
  });

  it('shares one Identity round trip between concurrent calls', async () => {
    fx = await startSim();
    const client = fx.client();
    await Promise.all([client.fetchOverview(), client.fetchOverview(), client.fetchOverview()]);
    expect(fx.sim.requestLog.count('/tokens')).toBe(1);
  });
});
