/** The sim's state and policies, free of HTTP so routes and the public class can share it. */
import type { Entity } from '../../model.js';
import { createFaults } from './faults.js';
import { generateTenants } from './generate.js';
import { mulberry32, type Rng } from './random.js';
import { RequestLog } from './request-log.js';
import { randomChanges, type SimChange, SimNotFoundError, setAlarm, truthOf } from './state.js';
import { TokenStore } from './tokens.js';
import type { SimAccount, SimFaults, SimOptions, SimState, SimTenant } from './types.js';

export const DEFAULT_SEED = 42;

export class SimCore {
  readonly tenants = new Map<string, SimTenant>();
  readonly byUsername = new Map<string, SimTenant>();
  readonly tokens: TokenStore;
  readonly faults: SimFaults;
  readonly log = new RequestLog();
  readonly now: () => number;
  readonly pageLimitMax: number;
  readonly changesPerTick: number;
  /** Set by the server once it listens; catalog URLs and next_href point here. */
  baseUrl = '';
  readonly #rng: Rng;

  constructor(opts: SimOptions) {
    this.now = opts.now ?? Date.now;
    this.#rng = mulberry32(opts.seed ?? DEFAULT_SEED);
    this.pageLimitMax = opts.pageLimitMax ?? 1000;
    this.tokens = new TokenStore(opts.tokenTtlMs ?? 24 * 3600_000);
    this.faults = createFaults(() => this.tokens.expireAll());
    const tenants = generateTenants(this.#rng, {
      accounts: opts.accounts,
      servers: opts.servers,
      alarmsPerServer: opts.alarmsPerServer ?? [1, 6],
      labelPrefix: opts.labelPrefix ?? '',
      startTime: this.now(),
    });
    for (const t of tenants) {
      this.tenants.set(t.account.tenantId, t);
      this.byUsername.set(t.account.username, t);
    }
    // About 1% of servers change per tick: a lively wallboard without constant churn.
    this.changesPerTick = opts.changesPerTick ?? Math.max(1, Math.ceil((opts.accounts * opts.servers) / 100));
  }

  accounts(): SimAccount[] {
    return [...this.tenants.values()].map((t) => ({ ...t.account }));
  }

  tenant(tenantId: string): SimTenant {
    const t = this.tenants.get(tenantId);
    if (!t) throw new SimNotFoundError(`No tenant ${tenantId}`);
    return t;
  }

  truth(tenantId: string): Entity[] {
    return truthOf(this.tenant(tenantId));
  }

  setAlarmState(
    tenantId: string,
    entityId: string,
    alarmId: string,
    state: SimState | null,
    status?: string,
  ): void {
    setAlarm(this.tenant(tenantId), entityId, alarmId, state, status, this.now(), this.#rng);
  }

  tick(): SimChange[] {
    return randomChanges([...this.tenants.values()], this.changesPerTick, this.now(), this.#rng);
  }
}
