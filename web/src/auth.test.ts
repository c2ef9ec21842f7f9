import { describe, expect, it } from 'vitest';
import { type Action, anonymousMe, can, canRead, isSignedIn, type Role } from './auth.js';

describe('can', () => {
  const table: [Role | null, Action, boolean][] = [
    ['viewer', 'view-settings', true],
    ['viewer', 'manage-sources', false],
    ['viewer', 'manage-users', false],
    ['viewer', 'manage-tokens', false],
    ['viewer', 'view-audit', false],
    ['operator', 'view-settings', true],
    ['operator', 'manage-sources', false],
    ['operator', 'manage-users', false],
    ['operator', 'manage-tokens', false],
    ['operator', 'view-audit', false],
    ['admin', 'view-settings', true],
    ['admin', 'manage-sources', true],
    ['admin', 'manage-users', true],
    ['admin', 'manage-tokens', true],
    ['admin', 'view-audit', true],
    [null, 'view-settings', false],
    [null, 'manage-sources', false],
    [null, 'view-audit', false],
  ];
  it.each(table)('%s may %s: %s', (role, action, want) => {
    expect(can(role, action)).toBe(want);
  });

  it('refuses a role it does not know', () => {
    expect(can('root' as Role, 'manage-users')).toBe(false);
    expect(can(undefined, 'view-settings')).toBe(false);
  });
});

describe('canRead / isSignedIn', () => {
  const user = { id: 'u1', username: 'ada', role: 'viewer' as const };
  it.each([
    [anonymousMe(false), false, false],
    [anonymousMe(true), true, false],
    [{ principal: 'user', user, role: 'viewer', csrfToken: 'c', anonymousRead: false } as const, true, true],
    [
      { principal: 'kiosk', user: null, role: 'viewer', csrfToken: null, anonymousRead: false } as const,
      true,
      false,
    ],
    [
      { principal: 'token', user: null, role: 'admin', csrfToken: null, anonymousRead: false } as const,
      true,
      false,
    ],
  ])('%o', (me, read, signedIn) => {
    expect(canRead(me)).toBe(read);
    expect(isSignedIn(me)).toBe(signedIn);
  });
});
