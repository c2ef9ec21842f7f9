import { describe, expect, it } from 'vitest';
import { passwordChangeProblem, toNewUser } from './userForm.js';

describe('toNewUser', () => {
  it('trims the username, keeps the password as typed', () => {
    expect(toNewUser({ username: ' ada ', password: ' pw ', role: 'operator' })).toEqual({
      ok: true,
      body: { username: 'ada', password: ' pw ', role: 'operator' },
    });
  });
  it.each([
    [{ username: ' ', password: 'x', role: 'viewer' }, /username/],
    [{ username: 'a', password: '', role: 'viewer' }, /password/],
    [{ username: 'a', password: 'x', role: 'root' }, /role/],
  ])('refuses %j', (v, msg) => {
    const r = toNewUser(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(msg);
  });
});

describe('passwordChangeProblem', () => {
  it.each([
    [{ current: 'a', next: 'b', repeat: 'b' }, null],
    [{ current: '', next: 'b', repeat: 'b' }, 'Enter your current password.'],
    [{ current: 'a', next: '', repeat: '' }, 'Enter a new password.'],
    [{ current: 'a', next: 'b', repeat: 'c' }, 'The new passwords do not match.'],
    [{ current: 'a', next: 'a', repeat: 'a' }, 'The new password is the same as the current one.'],
  ])('%j', (v, want) => {
    expect(passwordChangeProblem(v)).toBe(want);
  });
});
