/** Fault switches: the quirks and failures a client must survive, flipped by tests or /_sim/faults. */
import { isRecord } from './http-util.js';
import type { InjectedError, RateLimitFault, SimFaults } from './types.js';

export function createFaults(expireTokens: () => void): SimFaults {
  return {
    badCredentials: new Set(),
    rateLimit: { remaining: 0, status: 429, retryAfter: 'seconds', seconds: 1, scope: 'all' },
    serverErrors: 0,
    slowMs: 0,
    expireTokens,
    omitNextMarker: false,
    stringErrorCodes: false,
    reuseTokenIds: false,
    injectErrors: [],
  };
}

/** Consumes one rate-limited request if the fault is armed for this kind of request. */
export function takeRateLimit(f: SimFaults, kind: 'identity' | 'monitoring'): RateLimitFault | undefined {
  const rl = f.rateLimit;
  const scope = rl.scope ?? 'all';
  if (rl.remaining <= 0 || (scope !== 'all' && scope !== kind)) return undefined;
  rl.remaining--;
  return rl;
}

export function retryHeaders(rl: RateLimitFault, now: number): Record<string, string> {
  switch (rl.retryAfter) {
    case 'seconds':
      return { 'Retry-After': String(rl.seconds) };
    case 'date':
      return { 'Retry-After': new Date(now + rl.seconds * 1000).toUTCString() };
    case 'reply-after':
      return { 'Reply-After': String(rl.seconds) };
    default:
      return {};
  }
}

/** The Repose 413 body, used by Identity and by MaaS when configured for 413. */
export function overLimitBody(rl: RateLimitFault, now: number): Record<string, unknown> {
  return {
    overLimit: {
      code: 413,
      message: 'OverLimit Retry...',
      details: 'Error Details...',
      retryAfter: new Date(now + rl.seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
  };
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

const RETRY_AFTER = ['seconds', 'date', 'reply-after', 'none'] as const;
const SCOPES = ['all', 'identity', 'monitoring'] as const;

function oneOf<T extends string>(v: unknown, options: readonly T[]): T | undefined {
  return options.find((o) => o === v);
}

function toInjectedError(e: unknown): InjectedError | undefined {
  if (!isRecord(e) || typeof e.status !== 'number') return undefined;
  const out: InjectedError = { status: e.status };
  if (typeof e.type === 'string') out.type = e.type;
  if (typeof e.message === 'string') out.message = e.message;
  if (e.details !== undefined) out.details = e.details;
  if (e.stringCode === true) out.stringCode = true;
  if (isRecord(e.headers)) {
    out.headers = {};
    for (const [k, v] of Object.entries(e.headers)) if (typeof v === 'string') out.headers[k] = v;
  }
  return out;
}

/** Applies the JSON subset accepted by `POST /_sim/faults`; unknown keys are ignored. */
export function applyFaultPatch(f: SimFaults, patch: unknown): void {
  if (!isRecord(patch)) throw new TypeError('faults patch must be a JSON object');
  if (Array.isArray(patch.badCredentials)) {
    f.badCredentials = new Set(patch.badCredentials.filter((u): u is string => typeof u === 'string'));
  }
  if (isRecord(patch.rateLimit)) {
    const p = patch.rateLimit;
    const rl = f.rateLimit;
    rl.remaining = num(p.remaining) ?? rl.remaining;
    rl.seconds = num(p.seconds) ?? rl.seconds;
    if (p.status === 429 || p.status === 413 || p.status === 400) rl.status = p.status;
    rl.retryAfter = oneOf(p.retryAfter, RETRY_AFTER) ?? rl.retryAfter;
    rl.scope = oneOf(p.scope, SCOPES) ?? rl.scope ?? 'all';
  }
  f.serverErrors = num(patch.serverErrors) ?? f.serverErrors;
  f.slowMs = num(patch.slowMs) ?? f.slowMs;
  f.omitNextMarker = bool(patch.omitNextMarker) ?? f.omitNextMarker;
  f.stringErrorCodes = bool(patch.stringErrorCodes) ?? f.stringErrorCodes;
  f.reuseTokenIds = bool(patch.reuseTokenIds) ?? f.reuseTokenIds;
  if (Array.isArray(patch.injectErrors)) {
    for (const e of patch.injectErrors) {
      const err = toInjectedError(e);
      if (err) f.injectErrors.push(err);
    }
  }
  if (patch.expireTokens === true) f.expireTokens();
}

export function faultsSnapshot(f: SimFaults): Record<string, unknown> {
  return {
    badCredentials: [...f.badCredentials],
    rateLimit: { ...f.rateLimit },
    serverErrors: f.serverErrors,
    slowMs: f.slowMs,
    omitNextMarker: f.omitNextMarker,
    stringErrorCodes: f.stringErrorCodes,
    reuseTokenIds: f.reuseTokenIds,
    injectErrors: f.injectErrors.length,
  };
}
