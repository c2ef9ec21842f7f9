import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OverviewEntity } from '../src/live/events.js';
import { countAlarms } from '../src/model.js';
import type { App } from '../src/server/types.js';
import { RackspaceSim } from '../src/sim/rackspace/sim.js';
import { ADMIN, adminFetch, makeTestApp, waitFor } from './helpers/app.js';
import { openStream } from './helpers/sse.js';

interface OverviewSource {
  id: string;
  name: string;
  status: { state: string; message: string | null; lastSuccessAt: number | null };
  entities: OverviewEntity[];
}

let sim: RackspaceSim;
let app: App;
let base: string;

beforeEach(async () => {
  sim = new RackspaceSim({ accounts: 3, servers: 40, seed: 7 });
  await sim.start();
  ({ app } = await makeTestApp());
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await app.close();
  await sim.stop();
});

async function addAccounts(poll = 1): Promise<Map<string, string>> {
  const tenantBySource = new Map<string, string>();
  for (const a of sim.accounts()) {
    const res = await adminFetch(`${base}/api/v1/sources`, {
      method: 'POST',
      body: JSON.stringify({
        type: 'rackspace',
        name: a.name,
        config: {
          username: a.username,
          apiKey: a.apiKey,
          identityUrl: sim.identityUrl,
          pollIntervalSec: poll,
        },
      }),
    });
    expect(res.status).toBe(201);
    tenantBySource.set(((await res.json()) as { id: string }).id, a.tenantId);
  }
  return tenantBySource;
}

const overview = async () =>
  ((await (await adminFetch(`${base}/api/v1/overview`)).json()) as { sources: OverviewSource[] }).sources;

function matchesTruth(sources: OverviewSource[], tenantBySource: Map<string, string>): boolean {
  return sources.every((s) => {
    const truth = sim.truth(tenantBySource.get(s.id) as string);
    if (s.status.state !== 'ok' || s.entities.length !== truth.length) return false;
    const byId = new Map(s.entities.map((e) => [e.id, e]));
    return truth.every(
      (t) => JSON.stringify(byId.get(t.id)?.counts) === JSON.stringify(countAlarms(t.alarms)),
    );
  });
}

describe('wallboard pipeline: simulator → poller → state → API and stream', () => {
  it("shows every account's servers with the simulator's counts", async () => {
    const tenants = await addAccounts();
    const sources = await waitFor('all accounts polled', async () => {
      const s = await overview();
      return matchesTruth(s, tenants) && s;
    });
    expect(sources).toHaveLength(3);
    const total = sources.reduce((n, s) => n + s.entities.length, 0);
    expect(total).toBe(120);
    const [first] = sources;
    const entity = first?.entities[0] as OverviewEntity;
    const detail = await (
      await adminFetch(`${base}/api/v1/sources/${first?.id}/entities/${entity.id}`)
    ).json();
    const truth = sim.truth(tenants.get(first?.id as string) as string).find((e) => e.id === entity.id);
    expect(detail).toEqual({ ...truth, sourceId: first?.id, sourceName: first?.name });
  });

  it('pushes an alarm change to an open stream', async () => {
    const tenants = await addAccounts();
    const sources = await waitFor('polled', async () => {
      const s = await overview();
      return matchesTruth(s, tenants) && s;
    });
    const stream = await openStream(`${base}/api/v1/stream`, ADMIN);
    await waitFor('hello', () => stream.events.some((e) => e.event === 'hello'));
    const source = sources[0] as OverviewSource;
    const tenant = tenants.get(source.id) as string;
    const target = sim.truth(tenant).find((e) => e.alarms.length > 0);
    const alarm = target?.alarms[0];
    if (!target || !alarm) throw new Error('the seeded simulator has no alarm');
    const next = alarm.state === 'CRITICAL' ? 'OK' : 'CRITICAL';
    sim.setAlarmState(tenant, target.id, alarm.id, next, 'changed by the test');
    const event = await waitFor('entities event', () =>
      stream.events.find(
        (e) =>
          e.event === 'entities' &&
          (e.data as { upsert: OverviewEntity[] }).upsert.some((u) => u.id === target.id),
      ),
    );
    const upserted = (event.data as { sourceId: string; upsert: OverviewEntity[] }).upsert.find(
      (u) => u.id === target.id,
    );
    expect((event.data as { sourceId: string }).sourceId).toBe(source.id);
    expect(upserted?.counts).toEqual(
      countAlarms(sim.truth(tenant).find((e) => e.id === target.id)?.alarms ?? []),
    );
    stream.close();
  });

  it('shows a failing account as an error while the others keep updating', async () => {
    const [bad] = sim.accounts();
    sim.faults.badCredentials.add(bad?.username as string);
    const tenants = await addAccounts();
    const sources = await waitFor('one error, two ok', async () => {
      const s = await overview();
      return (
        s.filter((x) => x.status.state === 'error').length === 1 &&
        s.filter((x) => x.status.state === 'ok').length === 2 &&
        s
      );
    });
    const failing = sources.find((s) => s.status.state === 'error');
    expect(failing?.name).toBe(bad?.name);
    expect(failing?.status.message).toMatch(/Unable to authenticate user with credentials provided/);
    expect(failing?.status.message).not.toContain(bad?.apiKey);
    expect(tenants.size).toBe(3);
    // The failure is recorded, so the board of a moment ago shows it too.
    const at = Date.now();
    const past = await (await adminFetch(`${base}/api/v1/overview?at=${at}`)).json();
    const then = past.sources.find((s: { id: string }) => s.id === failing?.id);
    expect(then.status).toMatchObject({ state: 'error', lastSuccessAt: null });
    expect(typeof then.status.lastErrorAt).toBe('number');
    const ok = past.sources.find((s: { id: string }) => s.id !== failing?.id);
    expect(ok.status.state).toBe('ok');
  });

  it('keeps updating the other accounts while one answers slowly', async () => {
    const slowSim = new RackspaceSim({ accounts: 1, servers: 5, seed: 99 });
    await slowSim.start();
    try {
      const tenants = await addAccounts();
      const slow = slowSim.accounts()[0];
      const res = await adminFetch(`${base}/api/v1/sources`, {
        method: 'POST',
        body: JSON.stringify({
          type: 'rackspace',
          name: 'slow one',
          config: {
            username: slow?.username,
            apiKey: slow?.apiKey,
            identityUrl: slowSim.identityUrl,
            pollIntervalSec: 1,
          },
        }),
      });
      expect(res.status).toBe(201);
      slowSim.faults.slowMs = 20_000;
      await waitFor('fast accounts polled', async () => {
        const s = (await overview()).filter((x) => x.name !== 'slow one');
        return matchesTruth(s, tenants);
      });
      const [sourceId, tenant] = [...tenants.entries()][0] as [string, string];
      const target = sim.truth(tenant).find((e) => e.alarms.length > 0);
      const alarm = target?.alarms[0];
      if (!target || !alarm) throw new Error('no alarm');
      sim.setAlarmState(
        tenant,
        target.id,
        alarm.id,
        alarm.state === 'WARNING' ? 'OK' : 'WARNING',
        'slow test',
      );
      // The slow account hangs for 20 s: were it holding the others up, this would time out at 10 s.
      await waitFor('change seen despite the slow account', async () => {
        const s = (await overview()).find((x) => x.id === sourceId);
        const shown = s?.entities.find((e) => e.id === target.id);
        const truth = sim.truth(tenant).find((e) => e.id === target.id);
        return JSON.stringify(shown?.counts) === JSON.stringify(countAlarms(truth?.alarms ?? []));
      });
      const slowSource = (await overview()).find((x) => x.name === 'slow one');
      expect(slowSource?.status.state).not.toBe('ok');
    } finally {
      await slowSim.stop();
    }
  });

  it('marks an account stale when polls stop succeeding, and recovers', async () => {
    const tenants = await addAccounts();
    await waitFor('polled', async () => matchesTruth(await overview(), tenants));
    // Slower than 3 poll intervals, faster than the request timeout: stale, not an error.
    sim.faults.slowMs = 5_000;
    const stale = await waitFor(
      'stale',
      async () => (await overview()).find((s) => s.status.state === 'stale'),
      15_000,
    );
    expect(stale.status.lastSuccessAt).toEqual(expect.any(Number));
    sim.faults.slowMs = 0;
    await waitFor('recovered', async () => (await overview()).every((s) => s.status.state === 'ok'), 15_000);
  });

  it('keeps the latest state across a restart', async () => {
    const tenants = await addAccounts(3600);
    await waitFor('polled', async () => matchesTruth(await overview(), tenants));
    const before = await overview();
    const dataDir = app.cmon.config.dataDir;
    await app.close();
    sim.faults.badCredentials = new Set(sim.accounts().map((a) => a.username));
    ({ app } = await makeTestApp({ CMON_DATA_DIR: dataDir }));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    const after = await overview();
    expect(after.map((s) => s.entities)).toEqual(before.map((s) => s.entities));
  });
});
