/** The one way the browser talks to /api/v1: abortable, readable errors, admin token on demand. */

export const API_BASE = '/api/v1';
const TOKEN_KEY = 'cmon.adminToken';
const MAX_TOKEN_PROMPTS = 3;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | null;
  readonly requestId: string | null;
  constructor(message: string, status: number, code: string | null = null, requestId: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

/** Asked for an admin token when the server answers 401; resolves null when the user cancels. */
export type TokenPrompt = (reason: 'required' | 'rejected') => Promise<string | null>;
let tokenPrompt: TokenPrompt | null = null;

export function setTokenPrompt(prompt: TokenPrompt | null): void {
  tokenPrompt = prompt;
}

export function getToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage may be disabled (private mode); the token then lasts only for this request.
  }
}

export function isAbortError(err: unknown): boolean {
  return err instanceof DOMException
    ? err.name === 'AbortError'
    : (err as { name?: unknown } | null)?.name === 'AbortError';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

function isEnvelope(v: unknown): v is { code?: unknown; message: string; requestId?: unknown } {
  return typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string';
}

async function send(path: string, opts: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(`${API_BASE}${path}`, {
      method: opts.method ?? 'GET',
      headers,
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

/**
 * Calls `/api/v1${path}` and returns the parsed JSON (undefined for 204).
 * Rejects with ApiError carrying the server's message, or with the AbortError (callers ignore it).
 */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  let token = getToken();
  for (let attempt = 0; ; attempt++) {
    const res = await send(path, opts, token);
    if (res.status === 401 && tokenPrompt && attempt < MAX_TOKEN_PROMPTS) {
      const next = await tokenPrompt(token ? 'rejected' : 'required');
      if (opts.signal?.aborted) throw opts.signal.reason;
      if (next === null) throw new ApiError('An admin token is required for this action.', 401);
      setToken(next);
      token = next;
      continue;
    }
    const body = await readJson(res);
    if (!res.ok) {
      if (isEnvelope(body)) {
        throw new ApiError(
          body.message,
          res.status,
          typeof body.code === 'string' ? body.code : null,
          typeof body.requestId === 'string' ? body.requestId : null,
        );
      }
      throw new ApiError(`Server answered ${res.status} ${res.statusText}`.trim(), res.status);
    }
    if (typeof body === 'string')
      throw new ApiError('The server sent something that is not JSON.', res.status);
    return body as T;
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
