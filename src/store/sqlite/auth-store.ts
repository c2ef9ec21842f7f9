import type Database from 'better-sqlite3';
import type {
  AuditEntry,
  AuthStore,
  NewAuditEntry,
  Role,
  SessionRecord,
  TokenRecord,
  UserRecord,
} from '../auth-types.js';

interface UserRow {
  id: string;
  username: string;
  role: string;
  password_hash: string;
  created_at: number;
  password_changed_at: number;
}
interface SessionRow {
  id_hash: string;
  user_id: string | null;
  token_id: string | null;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  ip: string | null;
}
interface TokenRow {
  id: string;
  name: string;
  scopes: string;
  secret_hash: string;
  created_at: number;
  last_used_at: number | null;
  created_by: string | null;
}
interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  ip: string | null;
  details: string | null;
}

const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  role: r.role as Role,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
  passwordChangedAt: r.password_changed_at,
});
const toSession = (r: SessionRow): SessionRecord => ({
  idHash: r.id_hash,
  userId: r.user_id,
  tokenId: r.token_id,
  csrfToken: r.csrf_token,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  ip: r.ip,
});
const toToken = (r: TokenRow): TokenRecord => ({
  id: r.id,
  name: r.name,
  scopes: JSON.parse(r.scopes) as string[],
  secretHash: r.secret_hash,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  createdBy: r.created_by,
});

export class SqliteAuthStore implements AuthStore {
  constructor(private readonly db: Database.Database) {}

  async countUsers(): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  async createUser(u: UserRecord): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO users (id, username, role, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(u.id, u.username, u.role, u.passwordHash, u.createdAt, u.passwordChangedAt);
  }

  async listUsers(): Promise<UserRecord[]> {
    return (this.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(toUser);
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return r && toUser(r);
  }

  async getUserByName(username: string): Promise<UserRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    return r && toUser(r);
  }

  async updateUser(
    id: string,
    patch: Partial<Pick<UserRecord, 'role' | 'passwordHash' | 'passwordChangedAt'>>,
  ): Promise<void> {
    const u = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    if (!u) return;
    this.db
      .prepare('UPDATE users SET role = ?, password_hash = ?, password_changed_at = ? WHERE id = ?')
      .run(
        patch.role ?? u.role,
        patch.passwordHash ?? u.password_hash,
        patch.passwordChangedAt ?? u.password_changed_at,
        id,
      );
  }

  async deleteUser(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM users WHERE id = ?').run(id).changes > 0;
  }

  async createSession(s: SessionRecord): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO sessions (id_hash, user_id, token_id, csrf_token, created_at, last_seen_at, ip) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(s.idHash, s.userId, s.tokenId, s.csrfToken, s.createdAt, s.lastSeenAt, s.ip);
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as
      | SessionRow
      | undefined;
    return r && toSession(r);
  }

  async touchSession(idHash: string, lastSeenAt: number): Promise<void> {
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(lastSeenAt, idHash);
  }

  async deleteSession(idHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  async deleteUserSessions(userId: string, except?: string): Promise<void> {
    this.db
      .prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash IS NOT ?')
      .run(userId, except ?? null);
  }

  async deleteExpiredSessions(idleBefore: number, createdBefore: number): Promise<number> {
    return this.db
      .prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?')
      .run(idleBefore, createdBefore).changes;
  }

  async createToken(t: TokenRecord): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO api_tokens (id, name, scopes, secret_hash, created_at, last_used_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(t.id, t.name, JSON.stringify(t.scopes), t.secretHash, t.createdAt, t.lastUsedAt, t.createdBy);
  }

  async listTokens(): Promise<TokenRecord[]> {
    return (this.db.prepare('SELECT * FROM api_tokens ORDER BY created_at, id').all() as TokenRow[]).map(
      toToken,
    );
  }

  async getTokenByHash(secretHash: string): Promise<TokenRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM api_tokens WHERE secret_hash = ?').get(secretHash) as
      | TokenRow
      | undefined;
    return r && toToken(r);
  }

  async touchToken(id: string, lastUsedAt: number): Promise<void> {
    this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(lastUsedAt, id);
  }

  async deleteToken(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM api_tokens WHERE id = ?').run(id).changes > 0;
  }

  async appendAudit(e: NewAuditEntry): Promise<void> {
    this.db
      .prepare('INSERT INTO audit_log (at, actor, action, target, ip, details) VALUES (?, ?, ?, ?, ?, ?)')
      .run(e.at, e.actor, e.action, e.target, e.ip, e.details ? JSON.stringify(e.details) : null);
  }

  async listAudit(limit: number, before?: number): Promise<AuditEntry[]> {
    const rows = this.db
      .prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?')
      .all(before ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
    return rows.map((r) => ({
      ...r,
      details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
    }));
  }
}
