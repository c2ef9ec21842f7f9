import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RackspaceClient, RackspaceError } from './client.js';
import { failure, type SimFixture, startSim } from './testing.js';

let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.sim.stop();
  fx = undefined;
});

describe('RackspaceClient.fetchOverview paging (§9.3)', () => {
  it('follows next_marker across several pages and matches the truth', async () => {
    fx = await startSim({ servers: 25, pageLimitMax: 7 });
    const entities = await fx.client().fetchOverview();
    expect(entities).toEqual(fx.sim.truth(fx.account.tenantId));
    expect(entities).toHaveLength(25);
    expect(fx.sim.requestLog.count('/views/overview')).toBe(4);
  });

  it.each([
    ['null', false],
    ['missing', true],
  ])('stops when the last page has next_marker %s', async (_name, omit) => {
    fx = await startSim({ servers: 10, pageLimitMax: 5 });
    fx.sim.faults.omitNextMarker = omit;
    const entities = await fx.client().fetchOverview();
    expect(entities.map((e) => e.id)).toEqual(fx.sim.truth(fx.account.tenantId).map((e) => e.id));
    expect(fx.sim.requestLog.count('/views/overview')).toBe(2);
  });

  it('shows alarms without a latest state as UNKNOWN with null status and since (§9.5)', async () => {
    fx = await startSim({ servers: 3, alarmsPerServer: [2, 2] });
    const truth = fx.sim.truth(fx.account.tenantId);
    const entity = truth.find((e) => e.alarms.length > 0);
    const [first, second] = entity?.alarms ?? [];
    if (!entity || !first || !second) throw new Error('sim gave no alarms');
    fx.sim.setAlarmState(fx.account.tenantId, entity.id, first.id, null);
    fx.sim.setAlarmState(fx.account.tenantId, entity.id, second.id, 'CRITICAL', 'Connection refused');
    const got = (await fx.client().fetchOverview()).find((e) => e.id === entity.id);
    expect(got?.alarms.find((a) => a.id === first.id)).toMatchObject({
      state: 'UNKNOWN',
      status: null,
      since: null,
    });
    expect(got?.alarms.find((a) => a.id === second.id)).toMatchObject({
      state: 'CRITICAL',
      status: 'Connection refused',
    });
  });

  it('sees changes made by tick() on the next fetch', async () => {
    fx = await startSim({ servers: 20, changesPerTick: 5 });
    const client = fx.client();
    await client.fetchOverview();
    expect(fx.sim.tick().length).toBeGreaterThan(0);
    expect(await client.fetchOverview()).toEqual(fx.sim.truth(fx.account.tenantId));
  });

  it('testCredentials authenticates and reads one overview item', async () => {
    fx = await startSim({ servers: 3 });
    await expect(fx.client().testCredentials()).resolves.toBeUndefined();
    expect(fx.sim.requestLog.count('/tokens')).toBe(1);
    expect(fx.sim.requestLog.count('/views/overview')).toBe(1);
  });

  it('authenticates with a password and a trailing-slash identity URL', async () => {
    fx = await startSim({ servers: 3 });
    const { username, password } = fx.account;
    const client = new RackspaceClient({ username, password, identityUrl: `${fx.sim.identityUrl}/` });
    expect(await client.fetchOverview()).toEqual(fx.sim.truth(fx.account.tenantId));
  });
});

describe('a server whose markers loop', () => {
  it('fails with a protocol error instead of paging forever', async () => {
    // A tiny stand-in: the sim never loops, so this server answers both Identity and a looping overview.
    let base = '';
    const server = createServer((req, res) => {
      const body = req.url?.startsWith('/v2.0/tokens')
        ? {
            access: {
              token: { id: 'tok', expires: '2099-01-01T00:00:00.000Z' },
              serviceCatalog: [
                {
                  name: 'cloudMonitoring',
                  type: 'rax:monitor',
                  endpoints: [{ publicURL: `${base}/v1.0/1` }],
                },
              ],
            },
          }
        : { values: [{ entity: { id: 'enA' } }], metadata: { next_marker: 'enA' } };
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const client = new RackspaceClient({ username: 'u', apiKey: 'k', identityUrl: `${base}/v2.0` });
      const err = await failure(client.fetchOverview());
      expect(err).toBeInstanceOf(RackspaceError);
      expect(err).toMatchObject({
        kind: 'protocol',
        message: expect.stringMatching(/pagination loops back to marker enA/),
      });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
