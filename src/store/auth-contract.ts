import { expect, it } from 'vitest';
import type { SessionRecord, TokenRecord, UserRecord } from './auth-types.js';
import type { Store } from './types.js';

const user = (id: string, username = id, role: UserRecord['role'] = 'viewer'): UserRecord => ({
  id,
  username,
  role,
  passwordHash: `scrypt$hash-of-${id}`,
  createdAt: 1,
  passwordChangedAt: 1,
});
const session = (
  idHash: string,
  userId: string | null,
  at = 100,
  tokenId: string | null = null,
): SessionRecord => ({
  idHash,
  userId,
  tokenId,
  csrfToken: `csrf-${idHash}`,
  createdAt: at,
  lastSeenAt: at,
  ip: '127.0.0.1',
});
const token = (id: string, scopes = ['read']): TokenRecord => ({
  id,
  name: `token ${id}`,
  scopes,
  secretHash: `hash-${id}`,
  createdAt: 5,
  lastUsedAt: null,
  createdBy: 'admin',
});

/** The AuthStore part of the Store contract; `store()` is the initialised store of the current test. */
export function authContract(store: () => Store): void {
  it('keeps users with unique names', async () => {
    const { auth } = store();
    await auth.createUser(user('u1', 'alice', 'admin'));
    await auth.createUser(user('u2', 'bob'));
    await expect(auth.createUser(user('u3', 'alice'))).rejects.toThrow();
    expect(await auth.countUsers()).toBe(2);
    expect((await auth.listUsers()).map((u) => u.username)).toEqual(['alice', 'bob']);
    expect(await auth.getUserByName('alice')).toEqual(user('u1', 'alice', 'admin'));
    await auth.updateUser('u2', { role: 'operator', passwordHash: 'new', passwordChangedAt: 9 });
    expect(await auth.getUser('u2')).toMatchObject({
      role: 'operator',
      passwordHash: 'new',
      passwordChangedAt: 9,
    });
    expect(await auth.deleteUser('u2')).toBe(true);
    expect(await auth.deleteUser('u2')).toBe(false);
  });

  it('keeps sessions, touches, expires and revokes them', async () => {
    const { auth } = store();
    await auth.createUser(user('u1'));
    await auth.createSession(session('s1', 'u1', 100));
    await auth.createSession(session('s2', 'u1', 200));
    await auth.createSession(session('s3', 'u1', 300));
    expect(await auth.getSession('s1')).toEqual(session('s1', 'u1', 100));
    await auth.touchSession('s1', 500);
    expect((await auth.getSession('s1'))?.lastSeenAt).toBe(500);
    expect(await auth.deleteExpiredSessions(250, 0)).toBe(1);
    expect(await auth.getSession('s2')).toBeUndefined();
    await auth.deleteUserSessions('u1', 's3');
    expect(await auth.getSession('s1')).toBeUndefined();
    expect(await auth.getSession('s3')).toBeDefined();
    await auth.deleteSession('s3');
    expect(await auth.getSession('s3')).toBeUndefined();
  });

  it('drops sessions with their user or their token', async () => {
    const { auth } = store();
    await auth.createUser(user('u1'));
    await auth.createToken(token('t1'));
    await auth.createSession(session('s1', 'u1'));
    await auth.createSession(session('k1', null, 100, 't1'));
    await auth.deleteUser('u1');
    await auth.deleteToken('t1');
    expect(await auth.getSession('s1')).toBeUndefined();
    expect(await auth.getSession('k1')).toBeUndefined();
  });

  it('finds tokens by hash only', async () => {
    const { auth } = store();
    await auth.createToken(token('t1', ['read', 'ingest:g1']));
    expect(await auth.getTokenByHash('hash-t1')).toEqual(token('t1', ['read', 'ingest:g1']));
    expect(await auth.getTokenByHash('t1')).toBeUndefined();
    await auth.touchToken('t1', 77);
    expect((await auth.listTokens())[0]?.lastUsedAt).toBe(77);
    expect(await auth.deleteToken('t1')).toBe(true);
    expect(await auth.listTokens()).toEqual([]);
  });

  it('appends audit entries and pages them newest first', async () => {
    const { auth } = store();
    for (let i = 1; i <= 5; i++) {
      await auth.appendAudit({
        at: i,
        actor: 'alice',
        action: `a${i}`,
        target: null,
        ip: null,
        details: i === 3 ? { n: 3 } : null,
      });
    }
    const first = await auth.listAudit(2);
    expect(first.map((e) => e.action)).toEqual(['a5', 'a4']);
    const next = await auth.listAudit(10, first[1]?.id);
    expect(next.map((e) => e.action)).toEqual(['a3', 'a2', 'a1']);
    expect(next[0]?.details).toEqual({ n: 3 });
  });
}
