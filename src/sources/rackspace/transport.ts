/** One HTTP exchange with Rackspace: limiter slot, per-attempt timeout, rate-limit and 5xx retries. */
import { setTimeout as delay } from 'node:timers/promises';
import { describeErrorBody, plainText, RackspaceError, txnIdOf } from './errors.js';
import type { Limiter } from './limiter.js';
import { backoffMs, retryDecision } from './retry.js';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Names the service in error messages: "Rackspace Identity" or "Rackspace monitoring API". */
  service: string;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body was empty or not JSON. */
  body: unknown;
  text: string;
}

export interface TransportOptions {
  limiter: Limiter;
  timeoutMs: number;
  maxRetries: number;
  /** 5xx and network failures are retried only this often: an outage should surface quickly. */
  maxServerRetries: number;
  maxBackoffMs: number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  delay(ms, undefined, signal ? { signal } : {});

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? String(s) : s.toFixed(1);
}

function networkCode(err: unknown): string {
  const cause = err instanceof Error ? err.cause : undefined;
  if (cause && typeof cause === 'object') {
    if ('code' in cause && typeof cause.code === 'string') return cause.code;
    if (cause instanceof Error) return cause.message;
  }
  return err instanceof Error ? err.message : String(err);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class Transport {
  constructor(private readonly opts: TransportOptions) {}

  /** Resolves with any response that is not retryable; throws once retries are used up. */
  async send(req: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
    let rateRetries = 0;
    let serverRetries = 0;
    for (;;) {
      let res: HttpResponse;
      try {
        res = await this.opts.limiter.run(() => this.#once(req, signal));
      } catch (err) {
        if (
          err instanceof RackspaceError &&
          err.kind === 'network' &&
          serverRetries < this.opts.maxServerRetries
        ) {
          await this.opts.sleep(backoffMs(serverRetries++, this.opts.maxBackoffMs), signal);
          continue;
        }
        throw err;
      }
      const decision = retryDecision(res.status, res.body, res.headers, this.opts.now());
      if (!decision) return res;
      const txn = txnIdOf(res.body, res.headers);
      const extra = txn === undefined ? { status: res.status } : { status: res.status, txnId: txn };
      if (decision.reason === 'rate_limit') {
        const wait = decision.delayMs ?? backoffMs(rateRetries, this.opts.maxBackoffMs);
        if (decision.delayMs !== undefined && decision.delayMs > this.opts.maxBackoffMs) {
          const msg = `Rate limited by Rackspace (HTTP ${res.status}), asked to retry after ${formatSeconds(wait)} s`;
          throw new RackspaceError('rate_limit', msg, extra);
        }
        if (rateRetries >= this.opts.maxRetries) {
          const msg = `Rate limited by Rackspace (HTTP ${res.status}), gave up after ${rateRetries} retries`;
          throw new RackspaceError('rate_limit', msg, extra);
        }
        rateRetries++;
        await this.opts.sleep(wait, signal);
        continue;
      }
      if (serverRetries >= this.opts.maxServerRetries) {
        const what = describeErrorBody(res.body) ?? plainText(res.text) ?? 'server error';
        const tail = serverRetries > 0 ? `, gave up after ${serverRetries} retries` : '';
        throw new RackspaceError(
          'server',
          `${req.service} error: ${what} (HTTP ${res.status})${tail}`,
          extra,
        );
      }
      await this.opts.sleep(backoffMs(serverRetries++, this.opts.maxBackoffMs), signal);
    }
  }

  async #once(req: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
    signal?.throwIfAborted();
    const ctrl = new AbortController();
    const onAbort = () => ctrl.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, this.opts.timeoutMs);
    try {
      const init: RequestInit = { method: req.method, headers: req.headers, signal: ctrl.signal };
      if (req.body !== undefined) init.body = req.body;
      const res = await fetch(req.url, init);
      // The body read is inside the timeout too: a server can stall after sending headers.
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: parseJson(text), text };
    } catch (err) {
      if (timedOut) {
        const host = new URL(req.url).host;
        throw new RackspaceError(
          'timeout',
          `Timed out after ${formatSeconds(this.opts.timeoutMs)} s waiting for ${host}`,
        );
      }
      if (signal?.aborted) throw signal.reason;
      throw new RackspaceError('network', `Cannot reach ${new URL(req.url).origin}: ${networkCode(err)}`);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
