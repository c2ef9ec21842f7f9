import type { InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, makeTestApp, TEST_ADMIN_TOKEN } from '../../../test/helpers/app.js';
import type { App } from '../../server/types.js';

const VALID = {
  type: 'rackspace',
  name: 'Production',
  config: {
    username: 'ops',
    apiKey: 'super-secret-api-key-0001',
    identityUrl: 'http://127.0.0.1:9/v2.0',
    pollIntervalSec: 3600,
  },
};

let app: App;
afterEach(async () => app?.close());

async function setup(env: Record<string, string> = {}) {
  ({ app } = await makeTestApp(env));
  return app;
}

/** As the admin (bootstrap token) unless the test gives its own headers. */
const call = (opts: InjectOptions) => app.inject({ ...opts, headers: { ...ADMIN, ...opts.headers } });
const post = (payload: unknown, headers: Record<string, string> = { ...ADMIN }) =>
  app.inject({ method: 'POST', url: '/api/v1/sources', payload: payload as object, headers });

describe('sources API', () => {
  it('creates a source and never returns its secret', async () => {
    await setup();
    const res = await post(VALID);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      name: 'Production',
      type: 'rackspace',
      config: {
        username: 'ops',
        authMethod: 'apiKey',
        identityUrl: 'http://127.0.0.1:9/v2.0',
        pollIntervalSec: 3600,
      },
      status: { state: 'pending' },
    });
    expect(body.id).toMatch(/^[0-9a-f]{12}$/);
    for (const url of [
      '/api/v1/sources',
      `/api/v1/sources/${body.id}`,
      '/api/v1/overview',
      '/api/docs/json',
    ]) {
      const got = await call({ url });
      expect(got.statusCode, url).toBe(200);
      expect(got.body, url).not.toContain('super-secret-api-key');
    }
    expect((await call({ url: '/api/v1/sources' })).json().sources).toHaveLength(1);
  });

  it('defaults the identity URL and poll interval, and takes a password', async () => {
    await setup();
    const res = await post({
      type: 'rackspace',
      name: 'B',
      config: { username: 'u', password: 'pw-123456' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().config).toEqual({
      username: 'u',
      authMethod: 'password',
      identityUrl: 'https://identity.api.rackspacecloud.com/v2.0',
      pollIntervalSec: 60,
    });
  });

  it.each([
    ['no body', undefined, /body/],
    ['wrong type', { ...VALID, type: 'aws' }, /body\.type/],
    ['empty name', { ...VALID, name: '' }, /body\.name/],
    ['blank name', { ...VALID, name: '   ' }, /body\.name/],
    ['missing username', { ...VALID, config: { apiKey: 'k' } }, /body\.config\.username/],
    ['no secret', { ...VALID, config: { username: 'u' } }, /body\.config\.apiKey: either apiKey or password/],
    [
      'both secrets',
      { ...VALID, config: { username: 'u', apiKey: 'k', password: 'p' } },
      /body\.config\.password/,
    ],
    [
      'bad identity URL',
      { ...VALID, config: { ...VALID.config, identityUrl: 'ftp://x' } },
      /body\.config\.identityUrl/,
    ],
    [
      'poll interval 0',
      { ...VALID, config: { ...VALID.config, pollIntervalSec: 0 } },
      /body\.config\.pollIntervalSec/,
    ],
    [
      'poll interval as string',
      { ...VALID, config: { ...VALID.config, pollIntervalSec: '5' } },
      /body\.config\.pollIntervalSec/,
    ],
    ['unknown field', { ...VALID, extra: 1 }, /body\.extra: unknown field/],
    [
      'unknown config field',
      { ...VALID, config: { ...VALID.config, region: 'DFW' } },
      /body\.config\.region: unknown field/,
    ],
  ])('rejects %s with a 400 naming the field and stores nothing', async (_name, payload, message) => {
    await setup();
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toMatch(/^CMON_ERR_(VALIDATION|BAD_JSON)$/);
    expect(body.message).toMatch(message);
    expect(body.requestId).toEqual(expect.any(String));
    expect((await call({ url: '/api/v1/sources' })).json().sources).toEqual([]);
  });

  it('rejects malformed JSON, a wrong content type and an oversized body', async () => {
    await setup({ CMON_BODY_LIMIT_BYTES: '2048' });
    const bad = await call({
      method: 'POST',
      url: '/api/v1/sources',
      payload: '{"type":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('CMON_ERR_BAD_JSON');
    const text = await call({
      method: 'POST',
      url: '/api/v1/sources',
      payload: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(415);
    const big = await post({ ...VALID, name: 'x'.repeat(4000) });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('CMON_ERR_BODY_TOO_LARGE');
    expect((await call({ url: '/api/v1/sources' })).json().sources).toEqual([]);
  });

  it('refuses a second account with the same name', async () => {
    await setup();
    expect((await post(VALID)).statusCode).toBe(201);
    const dup = await post(VALID);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toMatch(/body\.name/);
  });

  it('refuses a query parameter the route does not take', async () => {
    await setup();
    const res = await call({ url: '/api/v1/sources?limit=5' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/querystring.limit: unknown field/);
  });

  it('answers 404 for unknown sources and servers, 400 for bad ids', async () => {
    await setup();
    const id = (await post(VALID)).json().id;
    expect((await call({ url: '/api/v1/sources/nope' })).json().code).toBe('CMON_ERR_SOURCE_NOT_FOUND');
    expect((await call({ method: 'DELETE', url: '/api/v1/sources/nope' })).statusCode).toBe(404);
    const entity = await call({ url: `/api/v1/sources/${id}/entities/enNOPE` });
    expect(entity.statusCode).toBe(404);
    expect(entity.json().code).toBe('CMON_ERR_ENTITY_NOT_FOUND');
    expect((await call({ url: '/api/v1/sources/a%20b' })).statusCode).toBe(400);
    expect((await call({ url: '/api/v1/nothing-here' })).json().code).toBe('CMON_ERR_NOT_FOUND');
  });

  it('deletes a source and its board section', async () => {
    await setup();
    const id = (await post(VALID)).json().id;
    expect((await call({ method: 'DELETE', url: `/api/v1/sources/${id}` })).statusCode).toBe(204);
    expect((await call({ url: `/api/v1/sources/${id}` })).statusCode).toBe(404);
    expect((await call({ url: '/api/v1/overview' })).json().sources).toEqual([]);
  });

  it('reports a failed credential test as an error, not a crash', async () => {
    await setup();
    const id = (await post(VALID)).json().id;
    const res = await call({ method: 'POST', url: `/api/v1/sources/${id}/test` });
    expect(res.statusCode).toBe(200);
    expect(res.json().ok).toBe(false);
    expect(res.json().error).toMatch(/127\.0\.0\.1:9/);
    expect(res.body).not.toContain('super-secret');
  });
});

describe('the admin token rule', () => {
  const TOKEN = TEST_ADMIN_TOKEN;
  const anon = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, ...(payload ? { payload } : {}) });

  it('needs the bearer token for every change; reads are open only with anonymousRead', async () => {
    await setup({ CMON_AUTH_ANONYMOUS_READ: 'true' });
    const none = await post(VALID, {});
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('CMON_ERR_UNAUTHORIZED');
    expect((await post(VALID, { authorization: 'Bearer wrong-token' })).statusCode).toBe(401);
    expect((await post(VALID, { authorization: TOKEN })).statusCode).toBe(401);
    const ok = await post(VALID, { authorization: `Bearer ${TOKEN}` });
    expect(ok.statusCode).toBe(201);
    const id = ok.json().id;
    for (const [method, url] of [
      ['DELETE', `/api/v1/sources/${id}`],
      ['POST', `/api/v1/sources/${id}/test`],
      ['POST', '/api/v1/sources/test'],
    ] as const) {
      expect((await anon(method, url, VALID)).statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await anon('GET', '/api/v1/sources')).statusCode).toBe(200);
    expect((await anon('GET', '/api/v1/overview')).statusCode).toBe(200);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/v1/sources/${id}`,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(del.statusCode).toBe(204);
  });

  it('keeps reads closed to anonymous callers by default', async () => {
    await setup();
    expect((await anon('GET', '/api/v1/overview')).statusCode).toBe(401);
    expect((await anon('GET', '/api/v1/sources')).statusCode).toBe(401);
    expect((await anon('GET', '/api/v1/health')).statusCode).toBe(200);
  });
});
