import type { Role } from '../store/auth-types.js';

/**
 * Who is asking. Every route declares one `Access`; `allows` is the whole policy, so the
 * auth-matrix test can enumerate it.
 */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; username: string; role: Role; sessionHash: string; csrfToken: string }
  | { kind: 'kiosk'; tokenId: string; sessionHash: string; csrfToken: string }
  | { kind: 'token'; tokenId: string | null; name: string; scopes: string[] };

export const ACCESS_LEVELS = [
  'public',
  'authenticated',
  'read',
  'operate',
  'admin',
  'import',
  'ingest',
] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

export const SCOPE_PATTERN = '^(read|admin|import|ingest:[A-Za-z0-9_.-]{1,64})$';

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** The role a principal acts with in the UI and for reads/changes; null when anonymous or ingest-only. */
export function roleOf(p: Principal): Role | null {
  switch (p.kind) {
    case 'user':
      return p.role;
    case 'kiosk':
      return 'viewer';
    case 'token':
      if (p.scopes.includes('admin')) return 'admin';
      return p.scopes.includes('read') ? 'viewer' : null;
    default:
      return null;
  }
}

export function allows(p: Principal, access: Access, anonymousRead: boolean): boolean {
  const role = roleOf(p);
  const scopes = p.kind === 'token' ? p.scopes : [];
  switch (access) {
    case 'public':
      return true;
    case 'authenticated':
      return p.kind !== 'anonymous';
    case 'read':
      return role !== null || (anonymousRead && p.kind === 'anonymous');
    case 'operate':
      return role !== null && RANK[role] >= RANK.operator;
    case 'admin':
      return role === 'admin';
    case 'import':
      return role === 'admin' || scopes.includes('import');
    case 'ingest':
      return role === 'admin' || scopes.some((s) => s.startsWith('ingest:'));
  }
}

/** A collector token may feed only its own grid. */
export function canIngest(p: Principal, grid: string): boolean {
  if (roleOf(p) === 'admin') return true;
  return p.kind === 'token' && p.scopes.includes(`ingest:${grid}`);
}

export function actorName(p: Principal): string {
  switch (p.kind) {
    case 'user':
      return p.username;
    case 'kiosk':
      return `kiosk:${p.tokenId}`;
    case 'token':
      return p.tokenId ? `token:${p.name}` : 'admin-token';
    default:
      return 'anonymous';
  }
}
