/**
 * AMQP (RabbitMQ) transport: persistent messages on a durable topic exchange, each one confirmed by
 * the broker (publisher confirms) before the collector forgets it. The names below are the contract
 * with the server's consumer, which imports them.
 */
import amqp, { type ChannelModel, type ConfirmChannel, type Options } from 'amqplib';
import { oneLine } from './errors.js';
import { maskUrl, type OutgoingSnapshot, type SendResult, type Transport } from './transport.js';

export const GRID_EXCHANGE = 'cmon.grid';
export const GRID_EXCHANGE_TYPE = 'topic';
export const GRID_QUEUE = 'cmon.grid.snapshots';
/** `#`, not `*`: grid names may contain dots (they default to the host name). */
export const GRID_BINDING_KEY = 'grid.#';
export const GRID_HEADER = 'x-cmon-grid';
export const SNAPSHOT_CONTENT_TYPE = 'application/json';
export const SNAPSHOT_MESSAGE_TYPE = 'cmon.grid.snapshot.v1';
/**
 * Collector and consumer must declare the queue with identical arguments or the broker refuses
 * the second declaration (PRECONDITION_FAILED); both use this object.
 */
export const GRID_QUEUE_OPTIONS: Options.AssertQueue = { durable: true };
export const GRID_EXCHANGE_OPTIONS: Options.AssertExchange = { durable: true };

export function routingKeyFor(grid: string): string {
  return `grid.${grid}`;
}

export interface AmqpTransportOptions {
  url: string;
  /** Connect and per-confirm wait, default 30 s. */
  timeoutMs?: number;
  /** Declare the exchange, the queue and the binding (default true) so nothing published is unroutable. */
  declare?: boolean;
}

export class AmqpTransport implements Transport {
  readonly name = 'amqp';
  readonly target: string;
  readonly #url: string;
  readonly #timeoutMs: number;
  readonly #declare: boolean;
  #conn: ChannelModel | undefined;
  #channel: ConfirmChannel | undefined;
  #lastError: string | undefined;

  constructor(opts: AmqpTransportOptions) {
    this.#url = opts.url;
    this.target = maskUrl(opts.url);
    this.#timeoutMs = opts.timeoutMs ?? 30_000;
    this.#declare = opts.declare ?? true;
  }

  async #open(): Promise<ConfirmChannel> {
    if (this.#channel) return this.#channel;
    const conn = await amqp.connect(this.#url, { timeout: this.#timeoutMs });
    // Without listeners an 'error' event (broker restart) would crash the process.
    conn.on('error', (err: Error) => {
      this.#lastError = err.message;
    });
    conn.on('close', () => {
      this.#conn = undefined;
      this.#channel = undefined;
    });
    this.#conn = conn;
    const ch = await conn.createConfirmChannel();
    ch.on('error', (err: Error) => {
      this.#lastError = err.message;
    });
    ch.on('close', () => {
      this.#channel = undefined;
    });
    if (this.#declare) {
      await ch.assertExchange(GRID_EXCHANGE, GRID_EXCHANGE_TYPE, GRID_EXCHANGE_OPTIONS);
      await ch.assertQueue(GRID_QUEUE, GRID_QUEUE_OPTIONS);
      await ch.bindQueue(GRID_QUEUE, GRID_EXCHANGE, GRID_BINDING_KEY);
    }
    this.#channel = ch;
    return ch;
  }

  async send(msg: OutgoingSnapshot): Promise<SendResult> {
    try {
      const ch = await this.#open();
      await this.#publishConfirmed(ch, msg);
      return { kind: 'delivered', duplicate: false };
    } catch (err) {
      const why = this.#lastError ?? (err as Error).message;
      this.#lastError = undefined;
      await this.close();
      return { kind: 'retry', message: `broker ${this.target}: ${oneLine(why)}` };
    }
  }

  #publishConfirmed(ch: ConfirmChannel, msg: OutgoingSnapshot): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no publisher confirm in ${this.#timeoutMs / 1000} s`)),
        this.#timeoutMs,
      );
      const onClose = () => {
        clearTimeout(timer);
        reject(new Error(this.#lastError ?? 'channel closed before the broker confirmed'));
      };
      ch.once('close', onClose);
      ch.publish(
        GRID_EXCHANGE,
        routingKeyFor(msg.grid),
        Buffer.from(msg.body, 'utf8'),
        {
          persistent: true,
          contentType: SNAPSHOT_CONTENT_TYPE,
          contentEncoding: 'utf-8',
          messageId: msg.snapshotId,
          type: SNAPSHOT_MESSAGE_TYPE,
          appId: 'cmon-collect',
          timestamp: Math.floor(msg.collectedAt / 1000),
          headers: { [GRID_HEADER]: msg.grid },
        },
        (err: unknown) => {
          clearTimeout(timer);
          ch.off('close', onClose);
          if (err) reject(new Error('broker refused the message (nack)'));
          else resolve();
        },
      );
    });
  }

  async close(): Promise<void> {
    const conn = this.#conn;
    this.#conn = undefined;
    this.#channel = undefined;
    try {
      await conn?.close();
    } catch {
      // Already closed by the broker or the network; nothing left to release.
    }
  }
}
