import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/schema.js';
import type { AuthStore, SessionRecord } from '../store/auth-types.js';
import { newSecret, sha256 } from './secret-tokens.js';

export const SESSION_COOKIE = 'cmon_session';

/**
 * Server-side sessions: the cookie holds a random id, the store its hash, so a copy of the
 * database opens no session. Idle and absolute expiry are checked on every use.
 */
export class Sessions {
  constructor(
    private readonly store: AuthStore,
    private readonly config: Config,
    private readonly now: () => number,
  ) {}

  get idleMs(): number {
    return this.config.auth.sessionIdleMinutes * 60_000;
  }

  get maxMs(): number {
    return this.config.auth.sessionMaxHours * 3_600_000;
  }

  async open(
    reply: FastifyReply,
    req: FastifyRequest,
    owner: { userId: string } | { tokenId: string },
  ): Promise<SessionRecord> {
    const id = newSecret('sess');
    const at = this.now();
    const session: SessionRecord = {
      idHash: sha256(id),
      userId: 'userId' in owner ? owner.userId : null,
      tokenId: 'tokenId' in owner ? owner.tokenId : null,
      csrfToken: newSecret('csrf'),
      createdAt: at,
      lastSeenAt: at,
      ip: req.ip,
    };
    await this.store.createSession(session);
    reply.setCookie(SESSION_COOKIE, id, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      maxAge: Math.floor(this.maxMs / 1000),
    });
    return session;
  }

  /** The live session behind the request's cookie, touched; undefined when absent or expired. */
  async find(req: FastifyRequest): Promise<SessionRecord | undefined> {
    const id = req.cookies[SESSION_COOKIE];
    if (!id) return undefined;
    const session = await this.store.getSession(sha256(id));
    if (!session) return undefined;
    const now = this.now();
    if (now - session.lastSeenAt > this.idleMs || now - session.createdAt > this.maxMs) {
      await this.store.deleteSession(session.idHash);
      return undefined;
    }
    // Touch at most once a minute: a busy board must not write on every request.
    if (now - session.lastSeenAt > 60_000) await this.store.touchSession(session.idHash, now);
    return session;
  }

  async close(reply: FastifyReply, sessionHash: string | undefined): Promise<void> {
    if (sessionHash) await this.store.deleteSession(sessionHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  async sweep(): Promise<number> {
    const now = this.now();
    return this.store.deleteExpiredSessions(now - this.idleMs, now - this.maxMs);
  }
}
