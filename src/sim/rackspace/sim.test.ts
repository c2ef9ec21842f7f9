import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAlarms, type Entity } from '../../model.js';
import { BAD_BODY } from './identity-routes.js';
import { RackspaceSim } from './sim.js';
import type { SimAccount } from './types.js';

describe('generation', () => {
  it('is reproducible from the seed', () => {
    const a = new RackspaceSim({ accounts: 2, servers: 30, seed: 5, now: () => 1_700_000_000_000 });
    const b = new RackspaceSim({ accounts: 2, servers: 30, seed: 5, now: () => 1_700_000_000_000 });
    const c = new RackspaceSim({ accounts: 2, servers: 30, seed: 6, now: () => 1_700_000_000_000 });
    expect(b.accounts()).toEqual(a.accounts());
    const tenant = a.accounts()[0]?.tenantId ?? '';
    expect(b.truth(tenant)).toEqual(a.truth(tenant));
    expect(a.tick()).toEqual(b.tick());
    expect(b.truth(tenant)).toEqual(a.truth(tenant));
    expect(c.accounts()).not.toEqual(a.accounts());
  });

  it('looks like a real account: sorted MaaS ids, labels, a mix of states, empty entities', () => {
    const sim = new RackspaceSim({ accounts: 1, servers: 400, seed: 1 });
    const [acct] = sim.accounts();
    const truth = sim.truth(acct?.tenantId ?? '');
    const ids = truth.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids.every((id) => /^en[A-Za-z0-9]{8}$/.test(id))).toBe(true);
    expect(truth[0]?.label).toMatch(/^[a-z]+-\d{3}\.acct1\.example\.com$/);
    const alarms = truth.flatMap((e) => e.alarms);
    expect(alarms.every((a) => /^al[A-Za-z0-9]{8}$/.test(a.id) && /^ch/.test(a.checkId))).toBe(true);
    const counts = countAlarms(alarms);
    expect(counts.ok).toBeGreaterThan(counts.total * 0.7);
    expect([counts.warning, counts.critical, counts.unknown].every((n) => n > 0)).toBe(true);
    expect(truth.some((e) => e.alarms.length === 0)).toBe(true);
    expect(new Set(alarms.map((a) => a.checkType)).size).toBeGreaterThanOrEqual(8);
    const perServer = truth.filter((e) => e.alarms.length > 0).map((e) => e.alarms.length);
    expect(Math.max(...perServer)).toBeLessThanOrEqual(6);
  });
});

describe('over HTTP', () => {
  const sim = new RackspaceSim({ accounts: 2, servers: 12, seed: 3 });
  let acct: SimAccount;
  let other: SimAccount;
  let token = '';
  const get = (path: string, t = token) => fetch(`${sim.baseUrl}${path}`, { headers: { 'X-Auth-Token': t } });
  const post = (path: string, body: unknown) =>
    fetch(`${sim.baseUrl}${path}`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    await sim.start();
    [acct, other] = sim.accounts() as [SimAccount, SimAccount];
    const res = await post('/v2.0/tokens', {
      auth: { passwordCredentials: { username: acct.username, password: acct.password } },
    });
    const body = (await res.json()) as { access: { token: { id: string } } };
    token = body.access.token.id;
  });
  afterAll(() => sim.stop());

  it('answers the §8 token shape with a region-less rax:monitor endpoint', async () => {
    const res = await post('/v2.0/tokens', {
      auth: { 'RAX-KSKEY:apiKeyCredentials': { username: acct.username, apiKey: acct.apiKey } },
    });
    expect(res.status).toBe(200);
    const { access } = (await res.json()) as { access: Record<string, unknown> };
    expect(access.token).toMatchObject({
      id: token,
      tenant: { id: acct.tenantId },
      'RAX-AUTH:authenticatedBy': ['APIKEY'],
    });
    expect(access.serviceCatalog).toContainEqual({
      name: 'cloudMonitoring',
      type: 'rax:monitor',
      endpoints: [{ tenantId: acct.tenantId, publicURL: `${sim.baseUrl}/v1.0/${acct.tenantId}` }],
    });
    expect(String((access.token as { expires: string }).expires)).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:]+\.\d{3}(Z|-06:00)$/,
    );
  });

  it.each([
    ['POST /v2.0', () => post('/v2.0', {}), 405, { methodNotAllowed: { code: 405 } }],
    ['bad JSON', () => post('/v2.0/tokens', '{nope'), 400, { badRequest: { code: 400, message: BAD_BODY } }],
    [
      'wrong key',
      () =>
        post('/v2.0/tokens', {
          auth: { 'RAX-KSKEY:apiKeyCredentials': { username: 'cmon-acct1', apiKey: 'x' } },
        }),
      401,
      { unauthorized: { code: 401, message: 'Unable to authenticate user with credentials provided.' } },
    ],
  ])('Identity: %s', async (_name, call, status, body) => {
    const res = await call();
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual(body);
  });

  it('pages the overview with limit (default 100) and an inclusive marker', async () => {
    const ids = sim.truth(acct.tenantId).map((e) => e.id);
    const all = (await (await get(`/v1.0/${acct.tenantId}/views/overview`)).json()) as {
      metadata: unknown;
      values: unknown[];
    };
    expect(all.values).toHaveLength(12);
    expect(all.metadata).toEqual({ count: 12, limit: 100, marker: null, next_marker: null, next_href: null });
    const res = await get(`/v1.0/${acct.tenantId}/views/overview?limit=5&marker=${ids[3]}`);
    expect(res.headers.get('x-ratelimit-limit')).toBe('50000');
    const page = (await res.json()) as {
      values: { entity: { id: string } }[];
      metadata: Record<string, unknown>;
    };
    expect(page.values.map((v) => v.entity.id)).toEqual(ids.slice(3, 8));
    expect(page.metadata).toEqual({
      count: 5,
      limit: 5,
      marker: ids[3],
      next_marker: ids[8],
      next_href: `${sim.baseUrl}/v1.0/${acct.tenantId}/views/overview?limit=5&marker=${ids[8]}`,
    });
  });

  it('filters by repeated entityId and 404s on any unknown one', async () => {
    const [a, b] = sim.truth(acct.tenantId).map((e) => e.id);
    const ok = (await (
      await get(`/v1.0/${acct.tenantId}/views/overview?entityId=${b}&entityId=${a}`)
    ).json()) as {
      values: { entity: { id: string } }[];
    };
    expect(ok.values.map((v) => v.entity.id)).toEqual([a, b]);
    const res = await get(`/v1.0/${acct.tenantId}/views/overview?entityId=${a}&entityId=enNOPE`);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-response-id')).toMatch(/^\.rh-/);
    expect(await res.json()).toMatchObject({
      type: 'notFoundError',
      code: 404,
      details: expect.stringContaining('enNOPE'),
    });
  });

  it.each([
    ['limit over 1000', (t: string) => `/v1.0/${t}/views/overview?limit=1001`, 400, 'invalidLimit'],
    ['unknown route', (t: string) => `/v1.0/${t}/nothing`, 404, 'notFoundError'],
  ])('MaaS errors: %s', async (_name, path, status, type) => {
    const res = await get(path(acct.tenantId));
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ type, code: status, txnId: expect.any(String) });
  });

  it('checks the token: missing → 401, other tenant → 403', async () => {
    expect((await get(`/v1.0/${acct.tenantId}/views/overview`, 'nope')).status).toBe(401);
    const res = await get(`/v1.0/${other.tenantId}/views/overview`);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ type: 'forbiddenError' });
  });

  it('serves a single entity', async () => {
    const first = sim.truth(acct.tenantId)[0];
    const res = await get(`/v1.0/${acct.tenantId}/entities/${first?.id}`);
    expect(await res.json()).toMatchObject({
      id: first?.id,
      label: first?.label,
      ip_addresses: expect.any(Object),
    });
  });

  it('is driven by /_sim control endpoints', async () => {
    expect(await (await fetch(`${sim.baseUrl}/_sim/accounts`)).json()).toEqual(sim.accounts());
    const entity = sim.truth(acct.tenantId).find((e) => e.alarms.length > 0);
    const alarm = entity?.alarms[0];
    const set = await post('/_sim/alarm', {
      tenantId: acct.tenantId,
      entityId: entity?.id,
      alarmId: alarm?.id,
      state: 'WARNING',
      status: 'hot',
    });
    expect(set.status).toBe(200);
    const truth = (await (await fetch(`${sim.baseUrl}/_sim/truth/${acct.tenantId}`)).json()) as Entity[];
    expect(truth.find((e) => e.id === entity?.id)?.alarms[0]).toMatchObject({
      state: 'WARNING',
      status: 'hot',
    });
    expect(
      (await post('/_sim/alarm', { tenantId: acct.tenantId, entityId: 'enX', alarmId: 'alX', state: 'OK' }))
        .status,
    ).toBe(404);
    const faults = await post('/_sim/faults', { serverErrors: 1, rateLimit: { remaining: 0, status: 413 } });
    expect(await faults.json()).toMatchObject({ serverErrors: 1, rateLimit: { status: 413 } });
    expect((await get(`/v1.0/${acct.tenantId}/views/overview`)).status).toBe(500);
    const tick = (await (await post('/_sim/tick', {})).json()) as { changes: unknown[] };
    expect(tick.changes.length).toBeGreaterThan(0);
  });
});
