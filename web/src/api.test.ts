import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, parseRetryAfter, setCsrfToken, setSessionHooks } from './api.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  it.each([
    [null, null],
    ['42', 42],
    [' 7 ', 7],
    ['Tue, 01 Jan 2030 00:00:30 GMT', 30],
    ['Tue, 01 Jan 2029 00:00:30 GMT', 0],
    ['soon', null],
  ])('%j → %j', (v, want) => {
    expect(parseRetryAfter(v, now)).toBe(want);
  });
});

type Call = { url: string; init: RequestInit };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

describe('api', () => {
  let calls: Call[];
  let answers: Response[];
  beforeEach(() => {
    calls = [];
    answers = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const next = answers.shift();
      if (!next) throw new Error('no answer queued');
      return next;
    });
    setCsrfToken(null);
    setSessionHooks(null);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setSessionHooks(null);
    setCsrfToken(null);
  });

  const header = (c: Call | undefined, name: string) =>
    (c?.init.headers as Record<string, string> | undefined)?.[name];

  it('sends the cookie and the CSRF header on changes only', async () => {
    setCsrfToken('csrf-1');
    answers.push(json(200, { ok: 1 }), json(204, undefined));
    expect(await api('/overview')).toEqual({ ok: 1 });
    await api('/sources/s1', { method: 'DELETE' });
    expect(calls.map((c) => c.init.credentials)).toEqual(['same-origin', 'same-origin']);
    expect(header(calls[0], 'X-CSRF-Token')).toBeUndefined();
    expect(header(calls[1], 'X-CSRF-Token')).toBe('csrf-1');
    expect(calls[1]?.url).toBe('/api/v1/sources/s1');
  });

  it('refetches the CSRF token once on CMON_ERR_CSRF and retries', async () => {
    setCsrfToken('old');
    const refreshCsrf = vi.fn(async () => 'new');
    setSessionHooks({ onUnauthorized: vi.fn(), refreshCsrf });
    answers.push(json(403, { code: 'CMON_ERR_CSRF', message: 'csrf' }), json(201, { id: 'u1' }));
    expect(await api('/users', { method: 'POST', body: { username: 'a' } })).toEqual({ id: 'u1' });
    expect(refreshCsrf).toHaveBeenCalledTimes(1);
    expect(header(calls[1], 'X-CSRF-Token')).toBe('new');
    expect(calls[1]?.init.body).toBe('{"username":"a"}');
  });

  it('gives up after one retry', async () => {
    setSessionHooks({ onUnauthorized: vi.fn(), refreshCsrf: async () => 'new' });
    answers.push(
      json(403, { code: 'CMON_ERR_CSRF', message: 'csrf' }),
      json(403, { code: 'CMON_ERR_CSRF', message: 'still csrf' }),
    );
    await expect(api('/users', { method: 'POST', body: {} })).rejects.toMatchObject({
      status: 403,
      code: 'CMON_ERR_CSRF',
      message: 'still csrf',
    });
    expect(calls.length).toBe(2);
  });

  it('does not retry a plain 403', async () => {
    const refreshCsrf = vi.fn(async () => 'x');
    setSessionHooks({ onUnauthorized: vi.fn(), refreshCsrf });
    answers.push(json(403, { code: 'CMON_ERR_FORBIDDEN', message: 'admins only' }));
    await expect(api('/users', { method: 'POST', body: {} })).rejects.toBeInstanceOf(ApiError);
    expect(refreshCsrf).not.toHaveBeenCalled();
  });

  it('reports a 401 to the session, unless told it is an answer', async () => {
    const onUnauthorized = vi.fn();
    setSessionHooks({ onUnauthorized, refreshCsrf: async () => null });
    answers.push(
      json(401, { code: 'CMON_ERR_UNAUTHORIZED', message: 'sign in' }),
      json(401, { code: 'CMON_ERR_LOGIN_FAILED', message: 'wrong username or password' }),
    );
    await expect(api('/overview')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expect(
      api('/auth/login', { method: 'POST', body: {}, noLoginRedirect: true }),
    ).rejects.toMatchObject({ code: 'CMON_ERR_LOGIN_FAILED' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('carries Retry-After on a 429', async () => {
    answers.push(json(429, { code: 'CMON_ERR_RATE_LIMITED', message: 'slow down' }, { 'Retry-After': '42' }));
    await expect(
      api('/auth/login', { method: 'POST', body: {}, noLoginRedirect: true }),
    ).rejects.toMatchObject({
      status: 429,
      retryAfterSec: 42,
      message: 'slow down',
    });
  });
});
