import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/schema.js';
import { CmonError, ERRORS } from '../server/errors.js';
import type { AuthStore, UserRecord } from '../store/auth-types.js';
import { LoginLimiter } from './login-limiter.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { actorName, type Principal } from './principal.js';
import { sha256 } from './secret-tokens.js';
import { Sessions } from './sessions.js';
import { createUser } from './users.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Authentication (who is this request?) and the audit trail; the policy itself is in principal.ts. */
export class AuthService {
  readonly sessions: Sessions;
  readonly #limiter: LoginLimiter;
  readonly #adminToken: Buffer | undefined;

  constructor(
    readonly store: AuthStore,
    readonly config: Config,
    private readonly log: FastifyBaseLogger,
    readonly now: () => number = Date.now,
  ) {
    this.sessions = new Sessions(store, config, now);
    this.#limiter = new LoginLimiter(config.auth.loginWindowMinutes * 60_000, now);
    this.#adminToken = config.adminToken ? digest(config.adminToken) : undefined;
  }

  /** On a first start with no users: an admin from CMON_ADMIN_PASSWORD, or a one-time password logged once. */
  async ensureFirstAdmin(): Promise<void> {
    if ((await this.store.countUsers()) > 0) return;
    const given = this.config.adminPassword;
    const password = given ?? Buffer.from(crypto.getRandomValues(new Uint8Array(12))).toString('base64url');
    await createUser(this.store, { username: 'admin', password, role: 'admin' }, this.now);
    await this.store.appendAudit({
      at: this.now(),
      actor: 'cmon',
      action: 'user.create',
      target: 'admin',
      ip: null,
      details: { role: 'admin', firstStart: true },
    });
    if (given) this.log.info('created the first admin user "admin" from CMON_ADMIN_PASSWORD');
    else
      this.log.warn(
        `created the first admin user "admin" with the one-time password ${password} — sign in and change it`,
      );
  }

  /** Resolves the request's principal: bearer token, else session cookie, else anonymous. */
  async resolve(req: FastifyRequest): Promise<Principal> {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!m?.[1]) throw new CmonError(ERRORS.UNAUTHORIZED, 'Authorization must be "Bearer <token>"');
      return this.#tokenPrincipal(m[1]);
    }
    const session = await this.sessions.find(req);
    if (!session) return { kind: 'anonymous' };
    if (session.userId) {
      const user = await this.store.getUser(session.userId);
      if (!user) return { kind: 'anonymous' };
      return {
        kind: 'user',
        userId: user.id,
        username: user.username,
        role: user.role,
        sessionHash: session.idHash,
        csrfToken: session.csrfToken,
      };
    }
    if (session.tokenId)
      return {
        kind: 'kiosk',
        tokenId: session.tokenId,
        sessionHash: session.idHash,
        csrfToken: session.csrfToken,
      };
    return { kind: 'anonymous' };
  }

  async #tokenPrincipal(secret: string): Promise<Principal> {
    const d = digest(secret);
    if (this.#adminToken && timingSafeEqual(d, this.#adminToken)) {
      return { kind: 'token', tokenId: null, name: 'CMON_ADMIN_TOKEN', scopes: ['admin'] };
    }
    const token = await this.store.getTokenByHash(sha256(secret));
    if (!token) throw new CmonError(ERRORS.UNAUTHORIZED, 'unknown or revoked API token');
    const now = this.now();
    if (!token.lastUsedAt || now - token.lastUsedAt > 60_000) await this.store.touchToken(token.id, now);
    return { kind: 'token', tokenId: token.id, name: token.name, scopes: token.scopes };
  }

  /** Checks a password login against the per-user and per-address limits; throws on failure. */
  async login(username: string, password: string, ip: string): Promise<UserRecord> {
    const { loginMaxFailuresPerUser: perUser, loginMaxFailuresPerAddress: perAddress } = this.config.auth;
    const userKey = `user:${username.toLowerCase()}`;
    const ipKey = `ip:${ip}`;
    const wait = Math.max(
      this.#limiter.retryAfter(userKey, perUser),
      this.#limiter.retryAfter(ipKey, perAddress),
    );
    if (wait > 0) {
      throw new CmonError(ERRORS.RATE_LIMITED, `too many failed sign-ins; try again in ${wait} s`, {
        'retry-after': String(wait),
      });
    }
    const user = await this.store.getUserByName(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      this.#limiter.fail(userKey);
      this.#limiter.fail(ipKey);
      await this.store.appendAudit({
        at: this.now(),
        actor: username.slice(0, 64),
        action: 'auth.login-failed',
        target: null,
        ip,
        details: null,
      });
      throw new CmonError(ERRORS.LOGIN_FAILED, 'wrong username or password');
    }
    this.#limiter.reset(userKey);
    return user;
  }

  /** Exchanges a read token (from a kiosk link) for a cookie session bound to that token. */
  async kiosk(secret: string, req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const token = await this.store.getTokenByHash(sha256(secret));
    if (!token?.scopes.includes('read')) return false;
    await this.sessions.open(reply, req, { tokenId: token.id });
    await this.audit(
      req,
      { kind: 'token', tokenId: token.id, name: token.name, scopes: token.scopes },
      'auth.kiosk',
      token.name,
    );
    return true;
  }

  /** Records a change: who, what, when, from where. Callers pass no secret in `details`. */
  async audit(
    req: FastifyRequest,
    who: Principal,
    action: string,
    target: string | null,
    details: Record<string, unknown> | null = null,
  ): Promise<void> {
    await this.store.appendAudit({
      at: this.now(),
      actor: actorName(who),
      action,
      target,
      ip: req.ip,
      details,
    });
  }
}
