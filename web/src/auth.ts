/** Who is looking, and what their role lets the UI offer. The server refuses anyway (403). */

export type Role = 'viewer' | 'operator' | 'admin';
export type Principal = 'user' | 'token' | 'kiosk' | 'anonymous';

export const ROLES: readonly Role[] = ['viewer', 'operator', 'admin'];

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
}

/** `GET /api/v1/auth/me`. */
export interface Me {
  principal: Principal;
  user: SessionUser | null;
  role: Role | null;
  csrfToken: string | null;
  anonymousRead: boolean;
}

export type Action = 'view-settings' | 'manage-sources' | 'manage-users' | 'manage-tokens' | 'view-audit';

const ALLOWED: Record<Action, readonly Role[]> = {
  // Viewers see the accounts list read-only; nothing there leaks a secret.
  'view-settings': ['viewer', 'operator', 'admin'],
  'manage-sources': ['admin'],
  'manage-users': ['admin'],
  'manage-tokens': ['admin'],
  'view-audit': ['admin'],
};

/** Pure: may this role do that? No role (anonymous) may do anything but look at the board. */
export function can(role: Role | null | undefined, action: Action): boolean {
  return role != null && ALLOWED[action].includes(role);
}

/** Pure: may this visitor see the board at all? */
export function canRead(me: Me): boolean {
  return me.principal !== 'anonymous' || me.anonymousRead;
}

/** Pure: only a signed-in person has a password to change or a session to end. */
export function isSignedIn(me: Me): boolean {
  return me.principal === 'user' && me.user !== null;
}

export function anonymousMe(anonymousRead: boolean): Me {
  return { principal: 'anonymous', user: null, role: null, csrfToken: null, anonymousRead };
}

export function roleLabel(role: Role): string {
  return role.charAt(0).toUpperCase() + role.slice(1);
}
