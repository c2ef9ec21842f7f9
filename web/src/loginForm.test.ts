import { describe, expect, it } from 'vitest';
import { ApiError } from './api.js';
import { describeLoginError, loginHref, rateLimitText, safeNext } from './loginForm.js';

describe('safeNext', () => {
  it.each([
    [null, '/'],
    ['', '/'],
    ['/', '/'],
    ['/settings/users', '/settings/users'],
    ['/sources/a%2Fb/entities/x?kiosk=1', '/sources/a%2Fb/entities/x?kiosk=1'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['settings', '/'],
    ['/login', '/'],
    ['/login?next=/settings', '/'],
    ['/login/', '/'],
    ['/loginx', '/loginx'],
    ['/a\nb', '/'],
  ])('%j → %s', (raw, want) => {
    expect(safeNext(raw)).toBe(want);
  });
});

describe('loginHref', () => {
  it.each([
    ['/', '/login'],
    ['/settings/tokens', '/login?next=%2Fsettings%2Ftokens'],
    ['/?kiosk=1', '/login?next=%2F%3Fkiosk%3D1'],
    ['/login?next=%2Fx', '/login'],
  ])('%s → %s', (here, want) => {
    expect(loginHref(here)).toBe(want);
  });

  it('round-trips through URLSearchParams and safeNext', () => {
    const href = loginHref('/sources/s%201/entities/e?q=a&b');
    const next = new URL(href, 'http://x').searchParams.get('next');
    expect(safeNext(next)).toBe('/sources/s%201/entities/e?q=a&b');
  });
});

describe('describeLoginError', () => {
  it('wrong password', () => {
    const err = new ApiError('wrong username or password', 401, 'CMON_ERR_LOGIN_FAILED');
    expect(describeLoginError(err)).toEqual({ kind: 'text', text: 'Wrong username or password.' });
  });
  it('rate limited with Retry-After', () => {
    const err = new ApiError('too many', 429, 'CMON_ERR_RATE_LIMITED', null, 42);
    expect(describeLoginError(err)).toEqual({ kind: 'rate-limited', retryAfterSec: 42 });
  });
  it('rate limited without Retry-After shows the server message', () => {
    const err = new ApiError('Too many attempts, slow down', 429, 'CMON_ERR_RATE_LIMITED');
    expect(describeLoginError(err)).toEqual({ kind: 'text', text: 'Too many attempts, slow down' });
  });
  it('anything else shows its message', () => {
    expect(describeLoginError(new ApiError('Cannot reach the server: x', 0))).toEqual({
      kind: 'text',
      text: 'Cannot reach the server: x',
    });
  });
});

describe('rateLimitText', () => {
  it.each([
    [42, 'Too many failed attempts — try again in 42 s.'],
    [125, 'Too many failed attempts — try again in 2 min 5 s.'],
    [0, 'You can try again now.'],
  ])('%d', (sec, want) => {
    expect(rateLimitText(sec)).toBe(want);
  });
});
