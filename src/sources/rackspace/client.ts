/** Rackspace Cloud Monitoring client: token lifecycle, overview paging, errors a wallboard can show. */
import type { Entity } from '../../model.js';
import { describeErrorBody, plainText, RackspaceError, redact, txnIdOf } from './errors.js';
import { type IdentityToken, type RackspaceCredentials, requestToken } from './identity.js';
import { Limiter } from './limiter.js';
import { mapOverviewValues } from './mapping.js';
import { defaultSleep, type HttpResponse, Transport } from './transport.js';

export { RackspaceError } from './errors.js';
export type { RackspaceCredentials } from './identity.js';

export interface ClientOptions {
  /** Shared by every account's client so the process caps its concurrent requests. */
  limiter?: Limiter;
  /** Per request attempt, default 15000. */
  timeoutMs?: number;
  /** Rate-limit retries, default 4; 5xx/network failures get at most 2 of them. */
  maxRetries?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Re-authenticate this long before `expires`, default 5 min. */
  refreshBeforeExpiryMs?: number;
  /** Cap on backoff steps, and the longest Retry-After we are willing to sit out; default 60 s. */
  maxBackoffMs?: number;
}

export const MONITORING_SERVICE = 'Rackspace monitoring API';
export const PAGE_LIMIT = 1000;
/** 10 million entities: only a server that never ends its pages gets here. */
const MAX_PAGES = 10_000;
const DEFAULT_CONCURRENCY = 4;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function invalid(what: string): RackspaceError {
  return new RackspaceError('protocol', `Invalid response from monitoring API: ${what}`);
}

export interface OverviewPage {
  values: unknown[];
  nextMarker: string | null;
}

/** A missing `metadata` or `next_marker` means the last page (reference §4 quirk). */
export function parseOverviewPage(body: unknown): OverviewPage {
  if (!isRecord(body)) throw invalid('expected a JSON object');
  if (!Array.isArray(body.values)) throw invalid('"values" is not an array');
  const meta = body.metadata;
  const next = isRecord(meta) ? meta.next_marker : undefined;
  if (next !== undefined && next !== null && typeof next !== 'string')
    throw invalid('"next_marker" is not a string');
  return { values: body.values, nextMarker: typeof next === 'string' && next !== '' ? next : null };
}

function monitoringError(res: HttpResponse, afterReauth: boolean): RackspaceError {
  const txnId = txnIdOf(res.body, res.headers);
  const extra = txnId === undefined ? { status: res.status } : { status: res.status, txnId };
  const what = describeErrorBody(res.body) ?? plainText(res.text) ?? 'no reason given';
  if (res.status === 401) {
    const when = afterReauth ? 'token rejected again after re-authenticating' : 'token rejected';
    return new RackspaceError('auth', `Authentication failed: ${when}: ${what} (HTTP 401)`, extra);
  }
  if (res.status === 403) return new RackspaceError('auth', `Access denied: ${what} (HTTP 403)`, extra);
  const kind = res.status >= 500 ? 'server' : res.status >= 400 ? 'client' : 'protocol';
  return new RackspaceError(kind, `${MONITORING_SERVICE} error: ${what} (HTTP ${res.status})`, extra);
}

export class RackspaceClient {
  readonly #creds: RackspaceCredentials;
  readonly #transport: Transport;
  readonly #now: () => number;
  readonly #refreshBeforeMs: number;
  #token: IdentityToken | undefined;
  #authInFlight: Promise<IdentityToken> | undefined;

  constructor(creds: RackspaceCredentials, opts: ClientOptions = {}) {
    this.#creds = { ...creds };
    this.#now = opts.now ?? Date.now;
    this.#refreshBeforeMs = opts.refreshBeforeExpiryMs ?? 5 * 60_000;
    const maxRetries = opts.maxRetries ?? 4;
    this.#transport = new Transport({
      limiter: opts.limiter ?? new Limiter(DEFAULT_CONCURRENCY),
      timeoutMs: opts.timeoutMs ?? 15_000,
      maxRetries,
      maxServerRetries: Math.min(2, maxRetries),
      maxBackoffMs: opts.maxBackoffMs ?? 60_000,
      now: this.#now,
      sleep: opts.sleep ?? defaultSleep,
    });
  }

  /** Always asks Identity for a token (which may come back with the same id). */
  async authenticate(signal?: AbortSignal): Promise<void> {
    await this.#guard(() => this.#refresh(signal));
  }

  async fetchOverview(signal?: AbortSignal): Promise<Entity[]> {
    return this.#guard(async () => {
      const out: Entity[] = [];
      const seen = new Set<string>();
      let marker: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const query: string = marker === null ? '' : `&marker=${encodeURIComponent(marker)}`;
        const body = await this.#get(`/views/overview?limit=${PAGE_LIMIT}${query}`, signal);
        const { values, nextMarker } = parseOverviewPage(body);
        for (const e of mapOverviewValues(values)) out.push(e);
        if (nextMarker === null) return out;
        if (seen.has(nextMarker)) throw invalid(`pagination loops back to marker ${nextMarker}`);
        seen.add(nextMarker);
        marker = nextMarker;
      }
      throw invalid(`more than ${MAX_PAGES} pages`);
    });
  }

  /** For the "add account" form: proves the credentials and the monitoring endpoint both work. */
  async testCredentials(signal?: AbortSignal): Promise<void> {
    await this.#guard(async () => {
      await this.#refresh(signal);
      parseOverviewPage(await this.#get('/views/overview?limit=1', signal));
    });
  }

  async #guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof RackspaceError) {
        err.message = redact(err.message, [this.#creds.apiKey, this.#creds.password, this.#token?.id]);
      }
      throw err;
    }
  }

  /** Concurrent callers share one Identity round trip. */
  #refresh(signal?: AbortSignal): Promise<IdentityToken> {
    if (!this.#authInFlight) {
      this.#authInFlight = requestToken(this.#transport, this.#creds, this.#now, signal)
        .then((token) => {
          this.#token = token;
          return token;
        })
        .finally(() => {
          this.#authInFlight = undefined;
        });
    }
    return this.#authInFlight;
  }

  async #validToken(signal?: AbortSignal): Promise<IdentityToken> {
    const t = this.#token;
    if (t && this.#now() < t.expiresAt - this.#refreshBeforeMs) return t;
    return this.#refresh(signal);
  }

  /** GET relative to the monitoring endpoint; a 401 re-authenticates once and retries the same call. */
  async #get(path: string, signal?: AbortSignal): Promise<unknown> {
    let token = await this.#validToken(signal);
    let reauthed = false;
    for (;;) {
      const res = await this.#transport.send(
        {
          method: 'GET',
          url: `${token.monitoringUrl}${path}`,
          headers: { 'X-Auth-Token': token.id, Accept: 'application/json' },
          service: MONITORING_SERVICE,
        },
        signal,
      );
      if (res.status >= 200 && res.status < 300) {
        if (res.body === undefined) throw invalid(`HTTP ${res.status} without a JSON body`);
        return res.body;
      }
      if (res.status !== 401 || reauthed) throw monitoringError(res, reauthed);
      reauthed = true;
      // Compare objects, not ids: Identity may hand back the same id for a renewed token.
      token = this.#token !== token && this.#token ? this.#token : await this.#refresh(signal);
    }
  }
}
