import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/server/types.js';
import { makeTestApp } from './helpers/app.js';
import { allCallers, type Caller } from './helpers/principals.js';

/**
 * Every /api route, and who may call it. A route the server has but this table lacks fails the
 * test: a new route needs a decision here, written independently of the server's own policy.
 */
const ROUTES: Record<string, Level> = {
  'GET /api/v1/health': 'public',
  'GET /api/v1/auth/me': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'authenticated',
  'POST /api/v1/auth/password': 'authenticated',
  'GET /api/v1/overview': 'read',
  'GET /api/v1/stream': 'read',
  'GET /api/v1/sources': 'read',
  'GET /api/v1/sources/:id': 'read',
  'GET /api/v1/sources/:id/entities/:entityId': 'read',
  'POST /api/v1/sources': 'admin',
  'DELETE /api/v1/sources/:id': 'admin',
  'POST /api/v1/sources/:id/test': 'admin',
  'POST /api/v1/sources/test': 'admin',
  'GET /api/v1/users': 'admin',
  'POST /api/v1/users': 'admin',
  'PATCH /api/v1/users/:id': 'admin',
  'DELETE /api/v1/users/:id': 'admin',
  'GET /api/v1/tokens': 'admin',
  'POST /api/v1/tokens': 'admin',
  'DELETE /api/v1/tokens/:id': 'admin',
  'GET /api/v1/audit': 'admin',
  'POST /api/v1/ingest/grid': 'ingest',
  'GET /api/v1/sources/:id/entities/:entityId/timeline': 'read',
  'GET /api/v1/series': 'read',
  'GET /api/v1/series/query': 'read',
  'POST /api/v1/import': 'import',
  'GET /api/v1/export': 'read',
  'GET /metrics': 'read',
  'GET /kiosk': 'public',
  'GET /api/v1/grids': 'read',
  'GET /api/v1/grids/:grid': 'read',
  'GET /api/v1/grids/:grid/vms': 'read',
  'GET /api/v1/grids/:grid/vms/:id': 'read',
  'GET /api/v1/grids/:grid/jobs': 'read',
  'GET /api/v1/grids/:grid/jobs/:id': 'read',
  'GET /api/docs': 'read',
  'GET /api/docs/*': 'read',
  'GET /api/docs/json': 'read',
  'GET /api/docs/yaml': 'read',
  'GET /api/docs/static/*': 'read',
  'GET /api/docs/static/index.html': 'read',
  'GET /api/docs/static/swagger-initializer.js': 'read',
  'GET /api/docs/': 'read',
};

type Level = 'public' | 'authenticated' | 'read' | 'operate' | 'admin' | 'import' | 'ingest';

const ADMINS = ['admin', 'token-admin', 'bootstrap-token'];
const READERS = ['viewer1', 'operator1', 'kiosk', 'token-read', ...ADMINS];
/** Who gets past authorization, per level. */
const ALLOWED: Record<Level, string[]> = {
  public: ['anonymous', ...READERS, 'token-import', 'token-ingest'],
  authenticated: [...READERS, 'token-import', 'token-ingest'],
  read: READERS,
  operate: ['operator1', ...ADMINS],
  admin: ADMINS,
  import: ['token-import', ...ADMINS],
  ingest: ['token-ingest', ...ADMINS],
};

let app: App;
let base: string;
let callers: Caller[];

beforeAll(async () => {
  ({ app } = await makeTestApp());
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  callers = await allCallers(base);
});
afterAll(async () => app.close());

async function call(caller: Caller, method: string, url: string): Promise<number> {
  const path = url.replace(/:(\w+)/g, 'nope').replace('*', 'index.html');
  const headers: Record<string, string> = { ...caller.headers };
  const unsafe = !['GET', 'HEAD'].includes(method);
  if (unsafe) headers['content-type'] = 'application/json';
  if (unsafe && caller.csrf) headers['x-csrf-token'] = caller.csrf;
  const abort = new AbortController();
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    redirect: 'manual',
    signal: abort.signal,
    ...(unsafe ? { body: '{}' } : {}),
  });
  abort.abort(); // the stream would never end on its own
  return res.status;
}

describe('auth matrix', () => {
  it('has a decision in this table for every route the server has', () => {
    const served = app.routeTable.map((r) => `${r.method} ${r.url}`);
    const missing = served.filter((r) => !(r in ROUTES));
    expect(missing, 'routes without a decision in the auth matrix').toEqual([]);
    expect(app.routeTable.length).toBeGreaterThan(20);
  });

  it('agrees with the server about each route', () => {
    for (const r of app.routeTable)
      expect(`${r.method} ${r.url} ${r.access}`).toBe(
        `${r.method} ${r.url} ${ROUTES[`${r.method} ${r.url}`]}`,
      );
  });

  it('lets exactly the right callers through every route', async () => {
    // Logout ends the session it is called with: keep it for last.
    const routes = [...app.routeTable].sort(
      (a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')),
    );
    const wrong: string[] = [];
    for (const route of routes) {
      const level = ROUTES[`${route.method} ${route.url}`] as Level;
      for (const caller of callers) {
        const status = await call(caller, route.method, route.url);
        const allowed = ALLOWED[level].includes(caller.name);
        const denied = status === 401 || status === 403;
        const expected = allowed ? 'not 401/403' : caller.name === 'anonymous' ? '401' : '403';
        const ok = allowed ? !denied : status === (caller.name === 'anonymous' ? 401 : 403);
        if (!ok) wrong.push(`${caller.name} ${route.method} ${route.url}: got ${status}, want ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
