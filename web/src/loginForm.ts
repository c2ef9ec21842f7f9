import { ApiError, ERR_LOGIN_FAILED, ERR_RATE_LIMITED, errorMessage } from './api.js';
import { formatWait } from './format.js';

export const LOGIN_PATH = '/login';

/**
 * Pure: where to go after signing in. Only a path on this site: `//evil.example`, `/\evil`,
 * `https://…` and the login page itself all fall back to the board.
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we refuse.
  if (/[\u0000-\u001f\u007f]/.test(raw)) return '/';
  const path = raw.split(/[?#]/, 1)[0] as string;
  if (path === LOGIN_PATH || path.startsWith(`${LOGIN_PATH}/`)) return '/';
  return raw;
}

/** Pure: the login page, remembering where the person was going. */
export function loginHref(current: string): string {
  const next = safeNext(current);
  return next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}

export type LoginProblem = { kind: 'rate-limited'; retryAfterSec: number } | { kind: 'text'; text: string };

/** Pure: what a failed sign-in says. */
export function describeLoginError(err: unknown): LoginProblem {
  if (err instanceof ApiError) {
    if (err.code === ERR_RATE_LIMITED || err.status === 429) {
      if (err.retryAfterSec !== null) return { kind: 'rate-limited', retryAfterSec: err.retryAfterSec };
      return { kind: 'text', text: err.message || 'Too many failed attempts — try again later.' };
    }
    if (err.code === ERR_LOGIN_FAILED || err.status === 401) {
      return { kind: 'text', text: 'Wrong username or password.' };
    }
  }
  return { kind: 'text', text: errorMessage(err) };
}

/** Pure: the rate-limit line, counting down. */
export function rateLimitText(remainingSec: number): string {
  return remainingSec > 0
    ? `Too many failed attempts — try again in ${formatWait(remainingSec)}.`
    : 'You can try again now.';
}
