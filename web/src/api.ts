/** The one way the browser talks to /api/v1: abortable, readable errors, session cookie + CSRF header. */

export const API_BASE = '/api/v1';

export const ERR_UNAUTHORIZED = 'CMON_ERR_UNAUTHORIZED';
export const ERR_LOGIN_FAILED = 'CMON_ERR_LOGIN_FAILED';
export const ERR_RATE_LIMITED = 'CMON_ERR_RATE_LIMITED';
export const ERR_CSRF = 'CMON_ERR_CSRF';
export const ERR_FORBIDDEN = 'CMON_ERR_FORBIDDEN';
export const ERR_CONFLICT = 'CMON_ERR_CONFLICT';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | null;
  readonly requestId: string | null;
  /** From `Retry-After` on a 429, in seconds. */
  readonly retryAfterSec: number | null;
  constructor(
    message: string,
    status: number,
    code: string | null = null,
    requestId: string | null = null,
    retryAfterSec: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.retryAfterSec = retryAfterSec;
  }
}

export interface SessionHooks {
  /** The server answered 401 to a request that expected a session: show the login page. */
  onUnauthorized: () => void;
  /** The CSRF token was refused: fetch a fresh one (from /auth/me); null when there is none. */
  refreshCsrf: () => Promise<string | null>;
}

let hooks: SessionHooks | null = null;
/** In memory only: a stolen localStorage must not carry it, and /auth/me gives it back after a reload. */
let csrfToken: string | null = null;

export function setSessionHooks(next: SessionHooks | null): void {
  hooks = next;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export function isAbortError(err: unknown): boolean {
  return err instanceof DOMException
    ? err.name === 'AbortError'
    : (err as { name?: unknown } | null)?.name === 'AbortError';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 here is an answer (wrong password), not a lost session: don't jump to the login page. */
  noLoginRedirect?: boolean;
}

/** Pure: seconds to wait from a `Retry-After` value (delta-seconds or an HTTP date). */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function isMutation(method: Method): boolean {
  return method !== 'GET';
}

function isEnvelope(v: unknown): v is { code?: unknown; message: string; requestId?: unknown } {
  return typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string';
}

async function send(path: string, method: Method, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (isMutation(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      signal: opts.signal ?? null,
    });
  } catch (err) {
    if (isAbortError(err)) throw err;
    throw new ApiError(`Cannot reach the server: ${(err as Error).message}`, 0);
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toError(res: Response, body: unknown): ApiError {
  const retryAfter = res.status === 429 ? parseRetryAfter(res.headers.get('Retry-After'), Date.now()) : null;
  if (isEnvelope(body)) {
    return new ApiError(
      body.message,
      res.status,
      typeof body.code === 'string' ? body.code : null,
      typeof body.requestId === 'string' ? body.requestId : null,
      retryAfter,
    );
  }
  return new ApiError(
    `Server answered ${res.status} ${res.statusText}`.trim(),
    res.status,
    null,
    null,
    retryAfter,
  );
}

/**
 * Calls `/api/v1${path}` and returns the parsed JSON (undefined for 204).
 * Rejects with ApiError carrying the server's message, or with the AbortError (callers ignore it).
 */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  let res = await send(path, method, opts);
  let body = await readJson(res);
  // A session that outlived its CSRF token (server restart, rotation): one fresh token, one retry.
  if (res.status === 403 && isEnvelope(body) && body.code === ERR_CSRF && hooks) {
    const fresh = await hooks.refreshCsrf();
    if (opts.signal?.aborted) throw opts.signal.reason;
    if (fresh !== null) {
      csrfToken = fresh;
      res = await send(path, method, opts);
      body = await readJson(res);
    }
  }
  if (!res.ok) {
    if (res.status === 401 && !opts.noLoginRedirect) hooks?.onUnauthorized();
    throw toError(res, body);
  }
  if (typeof body === 'string') throw new ApiError('The server sent something that is not JSON.', res.status);
  return body as T;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
