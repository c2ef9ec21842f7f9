import { ROLES, type Role } from './auth.js';

export interface NewUserValues {
  username: string;
  password: string;
  role: string;
}

export const EMPTY_USER: NewUserValues = { username: '', password: '', role: 'viewer' };

/** Pure: the create-user body, or what to fix first. Length rules stay the server's to state. */
export function toNewUser(
  v: NewUserValues,
): { ok: true; body: { username: string; password: string; role: Role } } | { ok: false; error: string } {
  const username = v.username.trim();
  if (username === '') return { ok: false, error: 'Enter a username.' };
  if (v.password === '') return { ok: false, error: 'Enter a password for the new user.' };
  if (!(ROLES as readonly string[]).includes(v.role)) return { ok: false, error: 'Choose a role.' };
  return { ok: true, body: { username, password: v.password, role: v.role as Role } };
}

export interface PasswordChangeValues {
  current: string;
  next: string;
  repeat: string;
}

/** Pure: null when the change can be sent, else the problem. */
export function passwordChangeProblem(v: PasswordChangeValues): string | null {
  if (v.current === '') return 'Enter your current password.';
  if (v.next === '') return 'Enter a new password.';
  if (v.next !== v.repeat) return 'The new passwords do not match.';
  if (v.next === v.current) return 'The new password is the same as the current one.';
  return null;
}
