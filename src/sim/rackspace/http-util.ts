/** Small node:http helpers shared by the sim's routes. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Headers = Record<string, string>;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
  if (res.destroyed) return;
  // One encoding pass for multi-megabyte pages: the Buffer gives the length and is what gets written.
  const buf = Buffer.isBuffer(body)
    ? body
    : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': buf.length, ...headers });
  res.end(buf);
}

/** Bodies here are small JSON documents; refuse anything large rather than buffer it. */
export async function readBody(req: IncomingMessage, maxBytes = 1 << 20): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > maxBytes) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Shaped like the real transaction ids (`.rh-….h-dfw1-maas-prod-api0.r-….c-….ts-….v-…`). */
export function newTxnId(now: number): string {
  const r = randomBytes(6).toString('base64url');
  return `.rh-${r.slice(0, 4)}.h-dfw1-maas-sim-api0.r-${r}.c-${now % 100000}.ts-${now}.v-cmonsim`;
}

export interface MaasErrorInput {
  status: number;
  type: string;
  message?: string;
  details?: unknown;
  stringCode?: boolean;
}

/** `{type, code, message, details, txnId}` (reference §3); code as a string when asked, like the docs. */
export function maasErrorBody(e: MaasErrorInput, txnId: string): Record<string, unknown> {
  const body: Record<string, unknown> = { type: e.type, code: e.stringCode ? String(e.status) : e.status };
  if (e.message !== undefined) body.message = e.message;
  body.details = e.details ?? '';
  body.txnId = txnId;
  return body;
}

export function sendMaasError(
  res: ServerResponse,
  e: MaasErrorInput,
  now: number,
  headers: Headers = {},
): void {
  const txnId = newTxnId(now);
  sendJson(res, e.status, maasErrorBody(e, txnId), { 'X-Response-Id': txnId, ...headers });
}
