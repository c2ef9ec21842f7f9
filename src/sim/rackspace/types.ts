/** The simulator's own model: richer than cmon's domain, close to what MaaS stores. */

export type SimState = 'OK' | 'WARNING' | 'CRITICAL';

export interface SimOptions {
  accounts: number;
  servers: number;
  seed?: number;
  /** Alarms per server, default [1, 6]. */
  alarmsPerServer?: [min: number, max: number];
  /** How often alarms change on their own; 0 (default) = never, for tests. */
  changeIntervalMs?: number;
  changesPerTick?: number;
  host?: string;
  port?: number;
  /** Default 24 h, as Identity. */
  tokenTtlMs?: number;
  /** Page size cap, default 1000: a larger `limit` (up to 1000) is clamped, above 1000 is 400 invalidLimit. */
  pageLimitMax?: number;
  labelPrefix?: string;
  /** Clock for token expiry and state timestamps; tests share a fake clock with the client. */
  now?: () => number;
}

export interface SimAccount {
  username: string;
  apiKey: string;
  password: string;
  tenantId: string;
  name: string;
}

export interface SimCheck {
  id: string;
  label: string;
  type: string;
  details: Record<string, unknown>;
  /** Monitoring zones for remote checks; agent checks get `[]` or null like the real data. */
  zones: string[] | null;
  targetAlias: string | null;
  createdAt: number;
  template: number;
}

export interface SimLatest {
  state: SimState;
  status: string | null;
  timestamp: number;
  previous: SimState | null;
  zone: string | null;
}

export interface SimAlarm {
  id: string;
  label: string | null;
  checkId: string;
  criteria: string;
  createdAt: number;
  template: number;
  latest: SimLatest | null;
}

export interface SimEntity {
  id: string;
  label: string;
  ip: Record<string, string>;
  agentId: string | null;
  uri: string | null;
  createdAt: number;
  checks: SimCheck[];
  alarms: SimAlarm[];
  /** Serialised overview element; dropped on every change so pages are concatenations of cached strings. */
  json?: string;
}

export interface SimTenant {
  account: SimAccount;
  /** Sorted by id: the paging order of MaaS. */
  entities: SimEntity[];
  byId: Map<string, SimEntity>;
  /** For `X-RateLimit-Remaining`. */
  used: number;
  /**
   * Unfiltered pages, encoded, keyed by view/limit/marker; cleared on any alarm change. Benchmarks poll
   * the same pages over and over, and a 1000-entity page is ~4 MB to join and encode.
   */
  pages: Map<string, Buffer>;
}

export interface RateLimitFault {
  /** How many of the next requests get rate-limited (counts down to 0). */
  remaining: number;
  /** Monitoring answer; Identity always answers 413 overLimit as Repose does. 400 is the docs' variant. */
  status: 429 | 413 | 400;
  retryAfter: 'seconds' | 'date' | 'reply-after' | 'none';
  seconds: number;
  /** Which requests count; default 'all'. */
  scope?: 'all' | 'identity' | 'monitoring';
}

/** A one-shot MaaS error answered to the next monitoring call, e.g. 413 requestTooLargeError. */
export interface InjectedError {
  status: number;
  type?: string;
  message?: string;
  details?: unknown;
  /** `code` as a string ("404") as in the docs' examples. */
  stringCode?: boolean;
  headers?: Record<string, string>;
}

export interface SimFaults {
  badCredentials: Set<string>;
  rateLimit: RateLimitFault;
  /** The next N monitoring calls answer 500 internalError. */
  serverErrors: number;
  /** Delay before answering any API request. */
  slowMs: number;
  /** Every issued token becomes invalid, so the next monitoring call gets 401. */
  expireTokens(): void;
  /** The last page omits `next_marker` instead of sending null. */
  omitNextMarker: boolean;
  /** All MaaS error bodies carry `code` as a string. */
  stringErrorCodes: boolean;
  /** Re-authentication revives the old token id instead of minting a new one. */
  reuseTokenIds: boolean;
  injectErrors: InjectedError[];
}
