/** Identity's token store, including its habit of handing back a still-valid token unchanged. */
import { randomBytes } from 'node:crypto';

interface TokenRecord {
  id: string;
  tenantId: string;
  expiresAt: number;
  valid: boolean;
}

export interface IssuedToken {
  id: string;
  expiresAt: number;
}

export class TokenStore {
  readonly #byId = new Map<string, TokenRecord>();
  readonly #byTenant = new Map<string, TokenRecord>();

  constructor(private readonly ttlMs: number) {}

  /**
   * Real Identity reuses the current token unless it is expired or inside a refresh window (reference §1.5);
   * we use min(1 h, ttl/2) so short test TTLs still exercise renewal.
   */
  issue(tenantId: string, now: number, reuseIds: boolean): IssuedToken {
    const current = this.#byTenant.get(tenantId);
    const window = Math.min(3600_000, this.ttlMs / 2);
    if (current?.valid && current.expiresAt - now > window)
      return { id: current.id, expiresAt: current.expiresAt };
    const id = current && reuseIds ? current.id : randomBytes(16).toString('hex');
    if (current) this.#byId.delete(current.id);
    const record: TokenRecord = { id, tenantId, expiresAt: now + this.ttlMs, valid: true };
    this.#byId.set(id, record);
    this.#byTenant.set(tenantId, record);
    return { id, expiresAt: record.expiresAt };
  }

  /** The tenant the token belongs to, or undefined when it is unknown, revoked or expired. */
  tenantOf(id: string, now: number): string | undefined {
    const r = this.#byId.get(id);
    return r?.valid && r.expiresAt > now ? r.tenantId : undefined;
  }

  expireAll(): void {
    for (const r of this.#byId.values()) r.valid = false;
  }
}
