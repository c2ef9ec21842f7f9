/** HTTP ingest: `POST ${server}/api/v1/ingest/grid` with a bearer token scoped `ingest:<grid>`. */
import { oneLine } from './errors.js';
import type { OutgoingSnapshot, SendResult, Transport } from './transport.js';

export const INGEST_PATH = '/api/v1/ingest/grid';
export const DEFAULT_HTTP_TIMEOUT_MS = 60_000;

export interface HttpTransportOptions {
  server: string;
  token: string;
  timeoutMs?: number;
}

function reasonOf(text: string): string {
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown };
    const msg = typeof body.message === 'string' ? body.message : '';
    const code = typeof body.code === 'string' ? body.code : '';
    if (msg || code) return oneLine([code, msg].filter(Boolean).join(': '));
  } catch {
    // Not our error envelope (a proxy's HTML page, say): show its start.
  }
  return oneLine(text, 120) || 'no message';
}

export class HttpTransport implements Transport {
  readonly name = 'http';
  readonly target: string;
  readonly #url: string;
  readonly #token: string;
  readonly #timeoutMs: number;

  constructor(opts: HttpTransportOptions) {
    this.#url = `${opts.server.replace(/\/+$/, '')}${INGEST_PATH}`;
    this.target = this.#url;
    this.#token = opts.token;
    this.#timeoutMs = opts.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  }

  async send(msg: OutgoingSnapshot): Promise<SendResult> {
    let res: Response;
    let text: string;
    try {
      res = await fetch(this.#url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.#token}`,
          'content-type': 'application/json',
          'idempotency-key': msg.snapshotId,
        },
        body: msg.body,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      const why =
        e.name === 'TimeoutError'
          ? `no answer in ${this.#timeoutMs / 1000} s`
          : (e.cause?.code ?? e.cause?.message ?? e.message);
      return { kind: 'retry', message: `server unreachable: ${oneLine(why)}` };
    }
    const s = res.status;
    // 409 = "already have this snapshot id": a replay after a lost answer, so it was delivered.
    if ((s >= 200 && s < 300) || s === 409)
      return { kind: 'delivered', duplicate: s === 409 || /"duplicate"/.test(text) };
    const reason = `${reasonOf(text)} (HTTP ${s})`;
    if (s === 408 || s === 429 || s >= 500) return { kind: 'retry', message: `server error: ${reason}` };
    if (s === 401 || s === 403) return { kind: 'rejected', fatal: true, message: `token refused: ${reason}` };
    return { kind: 'rejected', fatal: false, message: `snapshot rejected: ${reason}` };
  }

  async close(): Promise<void> {}
}
