export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface UserRecord {
  id: string;
  username: string;
  role: Role;
  /** `scrypt$N$r$p$salt$hash`; never leaves the server. */
  passwordHash: string;
  createdAt: number;
  passwordChangedAt: number;
}

export interface SessionRecord {
  /** SHA-256 of the cookie value: a stolen database holds no usable session. */
  idHash: string;
  userId: string | null;
  /** Kiosk sessions are bought with a read token and die with it. */
  tokenId: string | null;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  ip: string | null;
}

export interface TokenRecord {
  id: string;
  name: string;
  scopes: string[];
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  secretHash: string;
  createdAt: number;
  lastUsedAt: number | null;
  createdBy: string | null;
}

export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/** Users, sessions, API tokens and the audit log: the part of the Store that security owns. */
export interface AuthStore {
  countUsers(): Promise<number>;
  createUser(user: UserRecord): Promise<void>;
  listUsers(): Promise<UserRecord[]>;
  getUser(id: string): Promise<UserRecord | undefined>;
  getUserByName(username: string): Promise<UserRecord | undefined>;
  updateUser(
    id: string,
    patch: Partial<Pick<UserRecord, 'role' | 'passwordHash' | 'passwordChangedAt'>>,
  ): Promise<void>;
  deleteUser(id: string): Promise<boolean>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | undefined>;
  touchSession(idHash: string, lastSeenAt: number): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Signs a user out everywhere, but for the session named (their current one), if any. */
  deleteUserSessions(userId: string, except?: string): Promise<void>;
  deleteExpiredSessions(idleBefore: number, createdBefore: number): Promise<number>;

  createToken(token: TokenRecord): Promise<void>;
  listTokens(): Promise<TokenRecord[]>;
  getTokenByHash(secretHash: string): Promise<TokenRecord | undefined>;
  touchToken(id: string, lastUsedAt: number): Promise<void>;
  deleteToken(id: string): Promise<boolean>;

  appendAudit(entry: NewAuditEntry): Promise<void>;
  listAudit(limit: number, before?: number): Promise<AuditEntry[]>;
}
