/** Pure retry policy: which responses are rate limits, how long to wait, how backoff grows. */
import { errorType } from './errors.js';

export interface RetryDecision {
  /** 'rate_limit' retries up to maxRetries; 'server' only a couple of times. */
  reason: 'rate_limit' | 'server';
  /** Delay the server asked for, or undefined to back off exponentially. */
  delayMs?: number;
}

/**
 * Retry-After is either delta-seconds or an HTTP-date (RFC 9110); Repose sends dates. MaaS docs name a
 * `Reply-After` header (sic) in seconds, so it is the fallback.
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const ra = headers.get('retry-after')?.trim();
  if (ra) {
    if (/^\d+(\.\d+)?$/.test(ra)) return Math.round(Number(ra) * 1000);
    const at = Date.parse(ra);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reply = headers.get('reply-after')?.trim();
  if (reply && /^\d+(\.\d+)?$/.test(reply)) return Math.round(Number(reply) * 1000);
  return undefined;
}

/** The rate-limit rules of reference §3.1; `requestTooLargeError` and `limitReached` are final. */
export function isRateLimited(status: number, body: unknown, headers: Headers): boolean {
  const type = errorType(body);
  if (status === 429) return true;
  if (status === 413)
    return type !== 'requestTooLargeError' && (type === 'overLimit' || headers.has('retry-after'));
  if (status === 400) return type === 'rateLimitReached';
  return false;
}

export function retryDecision(
  status: number,
  body: unknown,
  headers: Headers,
  now: number,
): RetryDecision | undefined {
  if (isRateLimited(status, body, headers)) {
    const delayMs = retryAfterMs(headers, now);
    return delayMs === undefined ? { reason: 'rate_limit' } : { reason: 'rate_limit', delayMs };
  }
  if (status >= 500) return { reason: 'server' };
  return undefined;
}

export const BASE_BACKOFF_MS = 500;

/** Exponential with "equal jitter": never less than half the step, so retries do not stampede. */
export function backoffMs(attempt: number, capMs: number, random: () => number = Math.random): number {
  const step = Math.min(capMs, BASE_BACKOFF_MS * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}
