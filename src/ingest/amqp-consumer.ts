import amqp, { type ChannelModel, type ConfirmChannel, type ConsumeMessage } from 'amqplib';
import type { FastifyBaseLogger } from 'fastify';
import { maskUrl } from '../collector/transport.js';
import {
  GRID_BINDING_KEY,
  GRID_EXCHANGE,
  GRID_EXCHANGE_OPTIONS,
  GRID_EXCHANGE_TYPE,
  GRID_QUEUE,
  GRID_QUEUE_OPTIONS,
} from '../collector/transport-amqp.js';
import { type IngestResult, SnapshotRejected } from '../sources/grid/service.js';

export const DEAD_LETTER_QUEUE = 'cmon.grid.dead';
export const REASON_HEADER = 'x-cmon-error';

export interface ConsumerOptions {
  url: string;
  prefetch: number;
  reconnectMaxMs: number;
  ingest: (body: unknown, raw: Buffer) => Promise<IngestResult>;
  log: FastifyBaseLogger;
}

/**
 * Consumes grid snapshots from RabbitMQ. A message is acknowledged only after its snapshot is
 * committed (or found to be a duplicate); a malformed or invalid one is published to the
 * dead-letter queue with the reason in its headers, confirmed, and only then acknowledged, so
 * nothing is lost. A failure of our own (the store) requeues it. The connection comes back by
 * itself with backoff when the broker goes away.
 */
export class AmqpConsumer {
  #conn: ChannelModel | undefined;
  #stopped = false;
  #attempt = 0;
  #timer: NodeJS.Timeout | undefined;
  #inFlight = new Set<Promise<void>>();
  /** Resolves when the first connection is up (tests and start-up logs wait on it). */
  connected: Promise<void>;
  #markConnected: () => void = () => undefined;

  constructor(private readonly opts: ConsumerOptions) {
    this.connected = new Promise((resolve) => {
      this.#markConnected = resolve;
    });
  }

  get target(): string {
    return maskUrl(this.opts.url);
  }

  start(): void {
    void this.#connect();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await Promise.allSettled([...this.#inFlight]);
    await this.#conn?.close().catch(() => undefined);
  }

  async #connect(): Promise<void> {
    if (this.#stopped) return;
    try {
      const conn = await amqp.connect(this.opts.url);
      conn.on('error', (err: Error) =>
        this.opts.log.warn({ err: err.message, broker: this.target }, 'AMQP connection error'),
      );
      conn.on('close', () => this.#lost());
      const ch = await conn.createConfirmChannel();
      await ch.assertExchange(GRID_EXCHANGE, GRID_EXCHANGE_TYPE, GRID_EXCHANGE_OPTIONS);
      await ch.assertQueue(GRID_QUEUE, GRID_QUEUE_OPTIONS);
      await ch.bindQueue(GRID_QUEUE, GRID_EXCHANGE, GRID_BINDING_KEY);
      await ch.assertQueue(DEAD_LETTER_QUEUE, { durable: true });
      await ch.prefetch(this.opts.prefetch);
      this.#conn = conn;
      await ch.consume(GRID_QUEUE, (msg) => {
        if (!msg) return; // the broker cancelled us: the close handler reconnects
        const p = this.#handle(ch, msg)
          // Unacknowledged, it goes back to the queue when the channel closes: nothing is lost.
          .catch((err: unknown) => this.opts.log.error({ err }, 'handling a grid snapshot failed'))
          .finally(() => this.#inFlight.delete(p));
        this.#inFlight.add(p);
      });
      this.#attempt = 0;
      this.opts.log.info({ broker: this.target, queue: GRID_QUEUE }, 'consuming grid snapshots');
      this.#markConnected();
    } catch (err) {
      this.opts.log.warn(
        { err: (err as Error).message, broker: this.target },
        'cannot reach the AMQP broker; retrying',
      );
      this.#retry();
    }
  }

  #lost(): void {
    this.#conn = undefined;
    if (this.#stopped) return;
    this.opts.log.warn({ broker: this.target }, 'AMQP connection lost; reconnecting');
    this.#retry();
  }

  #retry(): void {
    if (this.#stopped) return;
    const delay = Math.min(this.opts.reconnectMaxMs, 250 * 2 ** this.#attempt++);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#connect(), delay);
  }

  async #handle(ch: ConfirmChannel, msg: ConsumeMessage): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(msg.content.toString('utf8'));
    } catch (err) {
      await this.#deadLetter(ch, msg, `malformed JSON: ${(err as Error).message}`);
      return;
    }
    try {
      const result = await this.opts.ingest(body, msg.content);
      ch.ack(msg);
      this.opts.log.debug({ ...result }, 'grid snapshot taken from AMQP');
    } catch (err) {
      if (err instanceof SnapshotRejected) {
        await this.#deadLetter(ch, msg, err.message);
        return;
      }
      // Our fault (the store), not the message's: give it back for a later try.
      this.opts.log.error({ err }, 'storing a grid snapshot failed; requeued');
      setTimeout(() => {
        try {
          ch.nack(msg, false, true);
        } catch {
          // the channel died meanwhile: the broker requeues unacknowledged messages itself
        }
      }, 1000);
    }
  }

  async #deadLetter(ch: ConfirmChannel, msg: ConsumeMessage, reason: string): Promise<void> {
    const headers = {
      ...(msg.properties.headers ?? {}),
      [REASON_HEADER]: reason.slice(0, 1000),
      'x-cmon-routing-key': msg.fields.routingKey,
      'x-cmon-dead-at': new Date().toISOString(),
    };
    await new Promise<void>((resolve, reject) =>
      ch.sendToQueue(
        DEAD_LETTER_QUEUE,
        msg.content,
        {
          persistent: true,
          headers,
          contentType: msg.properties.contentType,
          messageId: msg.properties.messageId,
        },
        (err) => (err ? reject(err) : resolve()),
      ),
    );
    ch.ack(msg);
    this.opts.log.warn({ reason, messageId: msg.properties.messageId }, 'grid snapshot dead-lettered');
  }
}
