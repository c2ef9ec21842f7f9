/**
 * RabbitMQ restarted in the middle of a stream of snapshots: nothing lost, nothing taken twice.
 * It stops the whole broker, so it runs on its own after the other tests (see package.json).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmqpTransport } from '../../src/collector/transport-amqp.js';
import type { App } from '../../src/server/types.js';
import { baseSnapshot } from '../../src/sources/grid/fixtures.js';
import { rabbitmqctl, testVhost } from '../helpers/amqp.js';
import { makeTestApp, waitFor } from '../helpers/app.js';

const vhost = await testVhost();
const COUNT = 30;

describe.skipIf(!vhost)('broker restart in the middle of a stream', () => {
  let app: App;
  const url = vhost?.url as string;
  beforeAll(async () => {
    ({ app } = await makeTestApp({ CMON_AMQP_URL: url, CMON_AMQP_RECONNECT_MAX_SEC: '2' }));
    await app.ready();
    await app.amqpConsumer?.connected;
  });
  afterAll(async () => {
    await app.close();
    vhost?.drop();
  });

  it('takes every snapshot exactly once', async () => {
    const accepted = new Set<string>();
    let duplicates = 0;
    const ingest = app.cmon.grids.ingest.bind(app.cmon.grids);
    app.cmon.grids.ingest = async (body) => {
      const r = await ingest(body);
      if (r.status === 'accepted') accepted.add(r.snapshotId);
      else duplicates++;
      return r;
    };
    const transport = new AmqpTransport({ url, timeoutMs: 5000 });
    const t0 = Date.now();
    const ids: string[] = [];
    let retries = 0;
    for (let i = 0; i < COUNT; i++) {
      if (i === COUNT / 2) {
        rabbitmqctl('stop_app');
        rabbitmqctl('start_app');
      }
      const snap = baseSnapshot({ grid: 'restart', snapshotId: randomUUID(), collectedAt: t0 + i * 1000 });
      ids.push(snap.snapshotId);
      // What cmon collect does with its spool: keep the snapshot until the broker confirms it.
      for (;;) {
        const r = await transport.send({
          grid: snap.grid,
          snapshotId: snap.snapshotId,
          collectedAt: snap.collectedAt,
          body: JSON.stringify(snap),
        });
        if (r.kind === 'delivered') break;
        retries++;
        await new Promise((res) => setTimeout(res, 500));
      }
    }
    await transport.close();
    await waitFor('every snapshot taken', () => accepted.size === COUNT, 60_000);
    expect([...accepted].sort()).toEqual([...ids].sort());
    expect(app.cmon.grids.snapshot('restart')?.snapshotId).toBe(ids[COUNT - 1]);
    expect(retries).toBeGreaterThan(0); // the restart really interrupted the stream
    console.log(
      `broker restart: ${COUNT} snapshots, ${retries} send retries, ${duplicates} duplicates dropped`,
    );
  }, 120_000);
});
