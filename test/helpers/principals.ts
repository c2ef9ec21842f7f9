import { adminFetch, TEST_ADMIN_PASSWORD } from './app.js';

/** A way of calling cmon: headers to send, and for cookie sessions the CSRF token. */
export interface Caller {
  name: string;
  headers: Record<string, string>;
  csrf?: string;
}

export async function login(base: string, username: string, password: string): Promise<Caller> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { name: username, headers: { cookie }, csrf: csrfToken };
}

export async function createUser(
  base: string,
  username: string,
  role: string,
  password = 'password-1234',
): Promise<string> {
  const res = await adminFetch(`${base}/api/v1/users`, {
    method: 'POST',
    body: JSON.stringify({ username, password, role }),
  });
  if (res.status !== 201) throw new Error(`create user: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function createToken(
  base: string,
  name: string,
  scopes: string[],
): Promise<{ id: string; secret: string }> {
  const res = await adminFetch(`${base}/api/v1/tokens`, {
    method: 'POST',
    body: JSON.stringify({ name, scopes }),
  });
  if (res.status !== 201) throw new Error(`create token: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: { id: string }; secret: string };
  return { id: body.token.id, secret: body.secret };
}

export async function kioskSession(base: string, secret: string): Promise<Caller> {
  const res = await fetch(`${base}/kiosk?token=${encodeURIComponent(secret)}`, { redirect: 'manual' });
  if (res.status !== 303) throw new Error(`kiosk: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const me = (await (await fetch(`${base}/api/v1/auth/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  return { name: 'kiosk', headers: { cookie }, csrf: me.csrfToken };
}

/** Every kind of caller the policy knows. */
export async function allCallers(base: string): Promise<Caller[]> {
  await createUser(base, 'viewer1', 'viewer');
  await createUser(base, 'operator1', 'operator');
  const bearer = async (name: string, scopes: string[]) => ({
    name,
    headers: { authorization: `Bearer ${(await createToken(base, name, scopes)).secret}` },
  });
  const read = await createToken(base, 'kiosk-read', ['read']);
  return [
    { name: 'anonymous', headers: {} },
    await login(base, 'viewer1', 'password-1234'),
    await login(base, 'operator1', 'password-1234'),
    await login(base, 'admin', TEST_ADMIN_PASSWORD),
    await kioskSession(base, read.secret),
    await bearer('token-read', ['read']),
    await bearer('token-admin', ['admin']),
    await bearer('token-import', ['import']),
    await bearer('token-ingest', ['ingest:g1']),
    { name: 'bootstrap-token', headers: { authorization: 'Bearer test-admin-token-0123456789abcdef' } },
  ];
}
