/** Errors the Rackspace client throws: one class, a small set of kinds, messages fit for a wallboard. */

export type RackspaceErrorKind =
  | 'auth'
  | 'rate_limit'
  | 'network'
  | 'timeout'
  | 'server'
  | 'client'
  | 'protocol';

export class RackspaceError extends Error {
  override readonly name = 'RackspaceError';
  readonly kind: RackspaceErrorKind;
  readonly status?: number;
  readonly txnId?: string;

  constructor(kind: RackspaceErrorKind, message: string, extra: { status?: number; txnId?: string } = {}) {
    super(message);
    this.kind = kind;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.txnId !== undefined) this.txnId = extra.txnId;
  }
}

/** Long enough for any real MaaS message (128-char statuses), short enough for a proxy's HTML page. */
const MAX_TEXT = 200;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/**
 * Human text out of an error body. MaaS sends `{type, code, message?, details}` where `details` may be a
 * string or an object; Identity and Repose wrap everything in one key (`{"unauthorized": {...}}`).
 */
export function describeErrorBody(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  if (body.type === undefined && body.message === undefined) {
    const first = Object.values(body)[0];
    if (isRecord(first)) return describeErrorBody(first);
    return undefined;
  }
  const message = str(body.message) ?? str(body.type);
  const details = isRecord(body.details) ? str(body.details.message) : str(body.details);
  if (message && details && details !== message) return clip(`${message}: ${details}`);
  const text = message ?? details;
  return text ? clip(text) : undefined;
}

/** The fault type: MaaS `type`, or the wrapper key (`overLimit`, `unauthorized`) of Identity/Repose. */
export function errorType(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  if (typeof body.type === 'string') return body.type;
  const keys = Object.keys(body);
  if (keys.length === 1 && keys[0] !== undefined && isRecord(body[keys[0]])) return keys[0];
  return undefined;
}

export function txnIdOf(body: unknown, headers: Headers): string | undefined {
  if (isRecord(body) && typeof body.txnId === 'string') return body.txnId;
  return headers.get('x-response-id') ?? undefined;
}

export function plainText(text: string): string | undefined {
  const t = clip(text);
  return t === '' || t.startsWith('<') ? undefined : t;
}

/** Defence in depth: a secret must never reach a log line or a wallboard, even if a server echoes it. */
export function redact(message: string, secrets: readonly (string | undefined)[]): string {
  let out = message;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('***');
  return out;
}
