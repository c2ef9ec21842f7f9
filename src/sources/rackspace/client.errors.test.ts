import { afterEach, describe, expect, it } from 'vitest';
import { RackspaceClient, RackspaceError } from './client.js';
import { failure, type SimFixture, startSim } from './testing.js';

let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.sim.stop();
  fx = undefined;
});

const NOT_FOUND = {
  status: 404,
  type: 'notFoundError',
  message: 'Object does not exist',
  details: 'Object "Entity" with key "enDoesNotExist" does not exist',
};
const NOT_FOUND_TEXT =
  'Rackspace monitoring API error: Object does not exist: Object "Entity" with key "enDoesNotExist" does not exist (HTTP 404)';

describe('MaaS error bodies (§3, §9.6)', () => {
  it.each([
    ['int', false],
    ['string', true],
  ])('reads a %s code, the message and the txnId', async (_name, stringCodes) => {
    fx = await startSim();
    fx.sim.faults.stringErrorCodes = stringCodes;
    fx.sim.faults.injectErrors.push(NOT_FOUND);
    const err = await failure(fx.client().fetchOverview());
    expect(err).toBeInstanceOf(RackspaceError);
    expect(err).toMatchObject({ kind: 'client', status: 404, message: NOT_FOUND_TEXT });
    expect((err as RackspaceError).txnId).toMatch(/^\.rh-/);
  });

  it('copes with details as an object and no message', async () => {
    fx = await startSim();
    fx.sim.faults.injectErrors.push({
      status: 400,
      type: 'childrenExistError',
      details: { type: 'Check', message: 'Child checks remaining' },
      stringCode: true,
    });
    const err = await failure(fx.client().fetchOverview());
    expect(err).toMatchObject({
      kind: 'client',
      message: 'Rackspace monitoring API error: childrenExistError: Child checks remaining (HTTP 400)',
    });
  });
});

describe('server errors, timeouts, network (§9 transport)', () => {
  it('retries a 500 a couple of times and then succeeds', async () => {
    fx = await startSim({ servers: 2 });
    fx.sim.faults.serverErrors = 2;
    expect(await fx.client().fetchOverview()).toHaveLength(2);
    expect(fx.sleeps).toHaveLength(2);
  });

  it('gives up on a lasting 500 with the server message', async () => {
    fx = await startSim();
    fx.sim.faults.serverErrors = 100;
    const err = await failure(fx.client().fetchOverview());
    expect(err).toMatchObject({
      kind: 'server',
      status: 500,
      message:
        'Rackspace monitoring API error: Internal error: Simulated failure (HTTP 500), gave up after 2 retries',
    });
    expect(fx.sim.requestLog.count('/views/overview')).toBe(3);
  });

  it('times out a slow response', async () => {
    fx = await startSim();
    const client = fx.client({ timeoutMs: 100 });
    await client.authenticate();
    fx.sim.faults.slowMs = 1000;
    const started = Date.now();
    const err = await failure(client.fetchOverview());
    expect(err).toMatchObject({
      kind: 'timeout',
      message: expect.stringMatching(/^Timed out after 0\.1 s waiting for 127\.0\.0\.1:\d+$/),
    });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('names the host it cannot reach, after retrying', async () => {
    fx = await startSim();
    const url = fx.sim.identityUrl;
    await fx.sim.stop();
    const sleeps: number[] = [];
    const client = new RackspaceClient(
      { username: 'u', apiKey: 'secret-key-123', identityUrl: url },
      { sleep: async (ms) => void sleeps.push(ms) },
    );
    const err = await failure(client.authenticate());
    expect(err).toMatchObject({
      kind: 'network',
      message: `Cannot reach ${new URL(url).origin}: ECONNREFUSED`,
    });
    expect(sleeps).toHaveLength(2);
    expect((err as Error).message).not.toContain('secret-key-123');
  });

  it('lets a caller abort, without wrapping the AbortError', async () => {
    fx = await startSim();
    fx.sim.faults.slowMs = 1000;
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 30);
    const err = await failure(fx.client().fetchOverview(ctrl.signal));
    expect(err).not.toBeInstanceOf(RackspaceError);
    expect((err as Error).name).toBe('AbortError');
  });
});
