import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../src/server/types.js';
import { ADMIN, adminFetch, makeTestApp, TEST_ADMIN_PASSWORD, TEST_ADMIN_TOKEN } from './helpers/app.js';
import { createToken, createUser, kioskSession, login } from './helpers/principals.js';

let app: App;
let base: string;
afterEach(async () => app?.close());

class LogSink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function start(env: Record<string, string> = {}, opts: Parameters<typeof makeTestApp>[1] = {}) {
  ({ app } = await makeTestApp(env, opts));
  base = await app.listen({ port: 0, host: '127.0.0.1' });
}

const me = async (cookie: string) => (await fetch(`${base}/api/v1/auth/me`, { headers: { cookie } })).json();

describe('sessions and CSRF', () => {
  it('signs in with an HttpOnly SameSite=Lax cookie and answers /auth/me', async () => {
    await start();
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cmon_session=sess_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const body = await me(cookie.split(';')[0] as string);
    expect(body).toMatchObject({
      principal: 'user',
      role: 'admin',
      user: { username: 'admin' },
      anonymousRead: false,
    });
    expect(body.csrfToken).toMatch(/^csrf_/);
  });

  it('marks the cookie Secure behind a TLS-terminating proxy it trusts', async () => {
    await start({ CMON_TRUST_PROXY: 'true' });
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/i);
  });

  it('refuses a cookie-authenticated change without the CSRF token; bearer tokens need none', async () => {
    await start();
    const admin = await login(base, 'admin', TEST_ADMIN_PASSWORD);
    const body = JSON.stringify({ name: 't', scopes: ['read'] });
    const post = (headers: Record<string, string>) =>
      fetch(`${base}/api/v1/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const without = await post(admin.headers);
    expect(without.status).toBe(403);
    expect((await without.json()).code).toBe('CMON_ERR_CSRF');
    expect((await post({ ...admin.headers, 'x-csrf-token': 'csrf_wrong' })).status).toBe(403);
    expect((await post({ ...admin.headers, 'x-csrf-token': admin.csrf as string })).status).toBe(201);
    expect((await post(ADMIN)).status).toBe(201);
    const tokens = (await (await adminFetch(`${base}/api/v1/tokens`)).json()).tokens;
    expect(tokens).toHaveLength(2);
  });

  it('expires idle and old sessions', async () => {
    let now = Date.now();
    await start(
      { CMON_AUTH_SESSION_IDLE_MINUTES: '10', CMON_AUTH_SESSION_MAX_HOURS: '1' },
      { now: () => now },
    );
    const a = await login(base, 'admin', TEST_ADMIN_PASSWORD);
    now += 9 * 60_000;
    expect((await me(a.headers.cookie as string)).principal).toBe('user');
    now += 9 * 60_000; // touched 9 min ago: still alive
    expect((await me(a.headers.cookie as string)).principal).toBe('user');
    now += 11 * 60_000;
    expect((await me(a.headers.cookie as string)).principal).toBe('anonymous');
    const b = await login(base, 'admin', TEST_ADMIN_PASSWORD);
    for (let i = 0; i < 7; i++) {
      now += 9 * 60_000;
      await me(b.headers.cookie as string);
    }
    expect((await me(b.headers.cookie as string)).principal).toBe('anonymous');
  });

  it('revokes sessions on a password change, a reset, a removal and a logout', async () => {
    await start();
    const userId = await createUser(base, 'carol', 'viewer', 'carol-password-1');
    const s1 = await login(base, 'carol', 'carol-password-1');
    const s2 = await login(base, 'carol', 'carol-password-1');
    const change = await fetch(`${base}/api/v1/auth/password`, {
      method: 'POST',
      headers: { ...s1.headers, 'content-type': 'application/json', 'x-csrf-token': s1.csrf as string },
      body: JSON.stringify({ currentPassword: 'carol-password-1', newPassword: 'carol-password-2' }),
    });
    expect(change.status).toBe(204);
    expect((await me(s1.headers.cookie as string)).principal).toBe('user');
    expect((await me(s2.headers.cookie as string)).principal).toBe('anonymous');
    await expect(login(base, 'carol', 'carol-password-1')).rejects.toThrow(/401/);

    const s3 = await login(base, 'carol', 'carol-password-2');
    await adminFetch(`${base}/api/v1/users/${userId}`, {
      method: 'PATCH',
      body: JSON.stringify({ password: 'carol-password-3' }),
    });
    expect((await me(s1.headers.cookie as string)).principal).toBe('anonymous');
    expect((await me(s3.headers.cookie as string)).principal).toBe('anonymous');

    const s4 = await login(base, 'carol', 'carol-password-3');
    const out = await fetch(`${base}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { ...s4.headers, 'x-csrf-token': s4.csrf as string },
    });
    expect(out.status).toBe(204);
    expect((await me(s4.headers.cookie as string)).principal).toBe('anonymous');

    const s5 = await login(base, 'carol', 'carol-password-3');
    expect((await adminFetch(`${base}/api/v1/users/${userId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await me(s5.headers.cookie as string)).principal).toBe('anonymous');
  });

  it('will not remove or demote the last admin', async () => {
    await start();
    const users = (await (await adminFetch(`${base}/api/v1/users`)).json()).users as {
      id: string;
      username: string;
    }[];
    const admin = users.find((u) => u.username === 'admin');
    const del = await adminFetch(`${base}/api/v1/users/${admin?.id}`, { method: 'DELETE' });
    expect(del.status).toBe(409);
    const demote = await adminFetch(`${base}/api/v1/users/${admin?.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'viewer' }),
    });
    expect(demote.status).toBe(409);
  });
});

describe('login rate limit', () => {
  const attempt = (username: string, password: string, ip?: string) =>
    fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(ip ? { 'x-forwarded-for': ip } : {}) },
      body: JSON.stringify({ username, password }),
    });

  it('refuses a user after 5 failures with 429 and Retry-After, even with the right password', async () => {
    await start();
    for (let i = 0; i < 5; i++) expect((await attempt('admin', 'wrong')).status).toBe(401);
    const limited = await attempt('admin', TEST_ADMIN_PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).message).toMatch(/try again in \d+ s/);
  });

  it('refuses an address after its failures across users', async () => {
    await start({ CMON_TRUST_PROXY: 'true', CMON_AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS: '3' });
    for (const u of ['a', 'b', 'c']) expect((await attempt(u, 'wrong', '203.0.113.9')).status).toBe(401);
    expect((await attempt('admin', TEST_ADMIN_PASSWORD, '203.0.113.9')).status).toBe(429);
    expect((await attempt('admin', TEST_ADMIN_PASSWORD, '203.0.113.10')).status).toBe(200);
  });
});

describe('secrets', () => {
  const API_KEY = 'rackspace-api-key-SHOULD-NEVER-LEAK-4711';

  it('never stores a credential, password, token or session in clear, and never returns or logs one', async () => {
    const log = new LogSink();
    await start({}, { logStream: log });
    const source = await adminFetch(`${base}/api/v1/sources`, {
      method: 'POST',
      body: JSON.stringify({
        type: 'rackspace',
        name: 'Prod',
        config: {
          username: 'ops',
          apiKey: API_KEY,
          identityUrl: 'http://127.0.0.1:9/v2.0',
          pollIntervalSec: 3600,
        },
      }),
    });
    expect(source.status).toBe(201);
    const token = await createToken(base, 'kiosk', ['read']);
    const kiosk = await kioskSession(base, token.secret);
    const admin = await login(base, 'admin', TEST_ADMIN_PASSWORD);
    const secrets = [
      API_KEY,
      TEST_ADMIN_PASSWORD,
      token.secret,
      TEST_ADMIN_TOKEN,
      kiosk.headers.cookie?.split('=')[1],
      admin.headers.cookie?.split('=')[1],
    ];

    for (const route of app.routeTable.filter(
      (r) => r.method === 'GET' && !r.url.includes('*') && r.url !== '/api/v1/stream',
    )) {
      const url = route.url.replace(':id', (await source.clone().json()).id).replace(':entityId', 'x');
      const text = await (await fetch(`${base}${url}`, { headers: admin.headers })).text();
      for (const s of secrets) expect(text, `${url} leaks a secret`).not.toContain(s);
    }
    const dataDir = app.cmon.config.dataDir;
    await app.close();
    for (const s of secrets) expect(log.text, 'the log holds a secret').not.toContain(s);
    expect(log.text).toContain('/kiosk?token=[redacted]');
    for (const f of readdirSync(dataDir).filter((f) => f.startsWith('cmon.db'))) {
      const bytes = readFileSync(join(dataDir, f)).toString('latin1');
      for (const s of secrets) expect(bytes, `${f} holds a secret in clear`).not.toContain(s);
    }
  });

  it('creates the first admin with a one-time password logged once when none is configured', async () => {
    const log = new LogSink();
    await start({ CMON_ADMIN_PASSWORD: '' }, { logStream: log });
    const lines = log.text.split('\n').filter((l) => l.includes('one-time password'));
    expect(lines).toHaveLength(1);
    const password = /one-time password (\S+)/.exec(lines[0] as string)?.[1] as string;
    const admin = await login(base, 'admin', password);
    expect(admin.csrf).toBeTruthy();
  });
});

describe('headers and CORS', () => {
  it('sends a strict CSP, nosniff and a referrer policy; no CORS by default', async () => {
    await start();
    const res = await fetch(`${base}/api/v1/health`, { headers: { origin: 'https://evil.example' } });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows configured embedding and CORS origins', async () => {
    await start({
      CMON_HTTP_FRAME_ANCESTORS: 'https://intranet.example',
      CMON_HTTP_CORS_ORIGINS: 'https://ops.example',
    });
    const res = await fetch(`${base}/api/v1/health`, { headers: { origin: 'https://ops.example' } });
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors https://intranet.example');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://ops.example');
  });
});

describe('kiosk links', () => {
  it('exchanges a read token for a cookie and redirects without it; refuses other tokens', async () => {
    await start();
    const read = await createToken(base, 'tv', ['read']);
    const res = await fetch(`${base}/kiosk?token=${read.secret}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/?kiosk=1');
    const kiosk = await kioskSession(base, read.secret);
    expect((await fetch(`${base}/api/v1/overview`, { headers: kiosk.headers })).status).toBe(200);
    expect((await me(kiosk.headers.cookie as string)).role).toBe('viewer');
    const ingest = await createToken(base, 'collector', ['ingest:g1']);
    expect((await fetch(`${base}/kiosk?token=${ingest.secret}`, { redirect: 'manual' })).status).toBe(401);
    expect((await adminFetch(`${base}/api/v1/tokens/${read.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${base}/api/v1/overview`, { headers: kiosk.headers })).status).toBe(401);
  });
});

describe('audit log', () => {
  it('records who changed what, from where, and never the secret', async () => {
    await start();
    await adminFetch(`${base}/api/v1/sources`, {
      method: 'POST',
      body: JSON.stringify({
        type: 'rackspace',
        name: 'Audited',
        config: { username: 'u', password: 'pw-never-in-audit', pollIntervalSec: 3600 },
      }),
    });
    await createUser(base, 'dave', 'operator');
    const { entries } = await (await adminFetch(`${base}/api/v1/audit`)).json();
    const actions = entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['source.create', 'user.create']));
    const created = entries.find((e: { action: string }) => e.action === 'source.create');
    expect(created).toMatchObject({ actor: 'admin-token', target: 'Audited', ip: '127.0.0.1' });
    expect(JSON.stringify(entries)).not.toContain('pw-never-in-audit');
  });
});
