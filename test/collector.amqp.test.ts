/**
 * The collector's AMQP transport against the real RabbitMQ on this machine: durable exchange and
 * queue, persistent messages, publisher confirms, and the collector end to end (`--amqp`).
 * Fails (does not skip) under CMON_REQUIRE_SERVICES=1 when the broker is unreachable.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import amqp, { type Channel, type ChannelModel, type GetMessage } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCollect } from '../src/collector/cli.js';
import { maskUrl } from '../src/collector/transport.js';
import {
  AmqpTransport,
  GRID_BINDING_KEY,
  GRID_EXCHANGE,
  GRID_HEADER,
  GRID_QUEUE,
  routingKeyFor,
} from '../src/collector/transport-amqp.js';
import { initGrid } from '../src/sim/grid/index.js';
import { compiledLauncher } from '../src/sim/grid/testing.js';
import { validateSnapshot } from '../src/sources/grid/snapshot.js';
import { summarize } from '../src/sources/grid/summary.js';

const URL = process.env.CMON_TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const REQUIRED = process.env.CMON_REQUIRE_SERVICES === '1';

async function reachable(): Promise<boolean> {
  try {
    const conn = await amqp.connect(URL, { timeout: 3000 });
    await conn.close();
    return true;
  } catch (err) {
    if (REQUIRED)
      throw new Error(
        `RabbitMQ required (CMON_REQUIRE_SERVICES=1) but unreachable at ${maskUrl(URL)}: ${(err as Error).message}`,
      );
    console.warn(
      `\n*** SKIPPING collector AMQP tests: RabbitMQ unreachable at ${maskUrl(URL)} (${(err as Error).message}) ***\n`,
    );
    return false;
  }
}

const up = await reachable();

describe.skipIf(!up)('collector → RabbitMQ', () => {
  let conn: ChannelModel;
  let ch: Channel;
  // A unique grid per run: its own queue bound to its own routing key, so runs never see each other's messages.
  const grid = `t${randomUUID().slice(0, 8)}`;
  const testQueue = `cmon.test.${grid}`;

  beforeAll(async () => {
    conn = await amqp.connect(URL);
    ch = await conn.createChannel();
    await ch.assertExchange(GRID_EXCHANGE, 'topic', { durable: true });
    await ch.assertQueue(testQueue, { durable: false, autoDelete: false, exclusive: true });
    await ch.bindQueue(testQueue, GRID_EXCHANGE, routingKeyFor(grid));
  });

  afterAll(async () => {
    await ch?.deleteQueue(testQueue);
    // Messages the transport routed to the shared queue for this test grid: take them back out.
    await drainShared();
    await conn?.close();
  });

  async function drainShared(): Promise<void> {
    const keep: GetMessage[] = [];
    for (;;) {
      const m = await ch.get(GRID_QUEUE, { noAck: false });
      if (!m) break;
      if (m.properties.headers?.[GRID_HEADER] === grid) ch.ack(m);
      else keep.push(m);
    }
    for (const m of keep) ch.nack(m, false, true);
  }

  async function next(timeoutMs = 5000): Promise<GetMessage> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const m = await ch.get(testQueue, { noAck: true });
      if (m) return m;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no message');
  }

  it('publishes a persistent, confirmed JSON message and declares the durable exchange, queue and binding', async () => {
    const transport = new AmqpTransport({ url: URL });
    const snapshotId = randomUUID();
    const body = JSON.stringify({ grid, snapshotId, hello: 'world' });
    const result = await transport.send({ grid, snapshotId, collectedAt: 1_502_300_000_123, body });
    await transport.close();
    expect(result).toEqual({ kind: 'delivered', duplicate: false });

    const m = await next();
    expect(m.content.toString('utf8')).toBe(body);
    expect(m.fields).toMatchObject({ exchange: GRID_EXCHANGE, routingKey: `grid.${grid}` });
    expect(m.properties).toMatchObject({
      contentType: 'application/json',
      deliveryMode: 2,
      messageId: snapshotId,
      timestamp: 1_502_300_000,
      headers: expect.objectContaining({ [GRID_HEADER]: grid }),
    });
    const q = await ch.checkQueue(GRID_QUEUE);
    expect(q.queue).toBe(GRID_QUEUE);
    expect(GRID_BINDING_KEY).toBe('grid.#');
  });

  it('cmon collect --amqp: OK line with a masked URL nowhere, and the snapshot read back equals the simulation', async () => {
    const sim = initGrid(
      mkdtempSync(join(os.tmpdir(), 'cmon-amqp-grid-')),
      { seed: 9, vms: 25, jobs: 200 },
      compiledLauncher(),
    );
    let out = '';
    const code = await runCollect(
      [
        '--grid',
        grid,
        '--amqp',
        URL,
        '--spool',
        join(sim.dir, 'spool'),
        '--condor-status',
        sim.bin.condor_status,
        '--condor-q',
        sim.bin.condor_q,
        '--cloud-status',
        sim.bin.cloud_status,
      ],
      {
        stdout: (t) => {
          out += t;
        },
        stderr: () => {},
      },
    );
    expect(out).toMatch(new RegExp(`^OK: grid ${grid}: 200 jobs, \\d+ VMs sent via amqp\\n$`));
    expect(code).toBe(0);
    expect(out).not.toContain('guest:guest');
    const m = await next();
    const parsed = validateSnapshot(JSON.parse(m.content.toString('utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(m.properties.messageId).toBe(parsed.value.snapshotId);
    const summary = summarize(parsed.value, parsed.value.collectedAt, 60_000);
    expect({ ...summary, collectedAt: 0 }).toEqual({ ...sim.sim.truth(grid), collectedAt: 0 });
  });

  it('an unreachable broker is CRITICAL and spools; the password is masked', async () => {
    const sim = initGrid(
      mkdtempSync(join(os.tmpdir(), 'cmon-amqp-grid-')),
      { seed: 9, vms: 3, jobs: 5 },
      compiledLauncher(),
    );
    let out = '';
    const code = await runCollect(
      [
        '--grid',
        grid,
        '--amqp',
        'amqp://user:hunter2pw@127.0.0.1:1',
        '--spool',
        join(sim.dir, 'spool'),
        '--condor-status',
        sim.bin.condor_status,
        '--condor-q',
        sim.bin.condor_q,
        '--cloud-status',
        sim.bin.cloud_status,
      ],
      {
        stdout: (t) => {
          out += t;
        },
        stderr: () => {},
      },
    );
    expect(code).toBe(2);
    expect(out).toMatch(
      /^CRITICAL: .* not sent via amqp: broker amqp:\/\/user:\*\*\*@127\.0\.0\.1:1: .*; spooled \(1 waiting/,
    );
    expect(out).not.toContain('hunter2pw');
  });
});
