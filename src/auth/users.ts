import { CmonError, ERRORS } from '../server/errors.js';
import type { AuthStore, Role, UserRecord } from '../store/auth-types.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';
import { newId } from './secret-tokens.js';

export const USERNAME_PATTERN = '^[A-Za-z0-9_.@-]{1,64}$';

export function checkPassword(password: string, field: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new CmonError(ERRORS.VALIDATION, `${field}: must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

export async function createUser(
  store: AuthStore,
  input: { username: string; password: string; role: Role },
  now: () => number,
): Promise<UserRecord> {
  if (!new RegExp(USERNAME_PATTERN).test(input.username)) {
    throw new CmonError(ERRORS.VALIDATION, 'username: letters, digits and _ . @ - only, at most 64');
  }
  checkPassword(input.password, 'password');
  if (await store.getUserByName(input.username)) {
    throw new CmonError(ERRORS.CONFLICT, `username: a user named "${input.username}" already exists`);
  }
  const at = now();
  const user: UserRecord = {
    id: newId(),
    username: input.username,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    createdAt: at,
    passwordChangedAt: at,
  };
  await store.createUser(user);
  return user;
}

/** Refuses to leave the server without an admin. */
export async function assertNotLastAdmin(store: AuthStore, user: UserRecord, what: string): Promise<void> {
  if (user.role !== 'admin') return;
  const admins = (await store.listUsers()).filter((u) => u.role === 'admin');
  if (admins.length <= 1)
    throw new CmonError(ERRORS.CONFLICT, `${what}: "${user.username}" is the last admin`);
}

/** New password: stored hashed, and every session of the user but `keepSession` is revoked. */
export async function setPassword(
  store: AuthStore,
  user: UserRecord,
  password: string,
  now: () => number,
  keepSession?: string,
): Promise<void> {
  checkPassword(password, 'password');
  await store.updateUser(user.id, { passwordHash: await hashPassword(password), passwordChangedAt: now() });
  await store.deleteUserSessions(user.id, keepSession);
}

export function publicUser(u: UserRecord): { id: string; username: string; role: Role; createdAt: number } {
  return { id: u.id, username: u.username, role: u.role, createdAt: u.createdAt };
}
