import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCollect } from '../src/collector/cli.js';
import { GRID_EXCHANGE, routingKeyFor } from '../src/collector/transport-amqp.js';
import { DEAD_LETTER_QUEUE, REASON_HEADER } from '../src/ingest/amqp-consumer.js';
import type { App } from '../src/server/types.js';
import { collectorArgs, type InitializedGrid, initGrid } from '../src/sim/grid/index.js';
import { compiledLauncher } from '../src/sim/grid/testing.js';
import { testVhost } from './helpers/amqp.js';
import { adminFetch, makeTestApp, waitFor } from './helpers/app.js';
import { createToken } from './helpers/principals.js';

function simGrid(seed: number, vms = 30, jobs = 300): InitializedGrid {
  return initGrid(mkdtempSync(join(tmpdir(), 'cmon-grid-')), { seed, vms, jobs }, compiledLauncher());
}

async function collect(
  g: InitializedGrid,
  grid: string,
  transport: string[],
): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCollect(collectorArgs(g, grid, transport), {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      out += t;
    },
  });
  return { code, out };
}

const gridApi = async (base: string, path: string) => (await adminFetch(`${base}/api/v1${path}`)).json();

/** What the API says about a grid, minus what depends on the moment (age, staleness). */
const comparable = (s: { collectedAt?: number; stale?: boolean }) => ({ ...s, collectedAt: 0, stale: false });

describe('grids over HTTP: collector → ingest → API', () => {
  let app: App;
  let base: string;
  beforeAll(async () => {
    ({ app } = await makeTestApp());
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => app.close());

  it('shows the numbers of the simulated grid, its clouds on the board, and its VMs and jobs', async () => {
    const g = simGrid(3);
    const token = await createToken(base, 'collector g1', ['ingest:g1']);
    const run = await collect(g, 'g1', ['--server', base, '--token', token.secret]);
    expect(run.out).toMatch(/^OK: grid g1: \d+ jobs, \d+ VMs sent via http/m);
    expect(run.code).toBe(0);
    expect(comparable(await gridApi(base, '/grids/g1'))).toEqual(comparable(g.sim.truth('g1')));

    const overview = await gridApi(base, '/overview');
    const section = overview.sources.find((s: { id: string }) => s.id === 'grid:g1');
    expect(section.type).toBe('grid');
    const clouds = section.entities.filter((e: { id: string }) => e.id !== 'grid-pool');
    expect(clouds.map((e: { label: string }) => e.label).sort()).toEqual(
      g.sim
        .truth('g1')
        .clouds.map((c) => c.name)
        .sort(),
    );
    expect(section.entities.find((e: { id: string }) => e.id === 'grid-pool')?.label).toBe('g1 pool');

    const vms = await gridApi(base, '/grids/g1/vms?limit=5&sort=hostname');
    expect(vms.total).toBe(g.sim.truth('g1').vms.total);
    const vm = await gridApi(base, `/grids/g1/vms/${vms.items[0].id}`);
    expect(vm.vm.id).toBe(vms.items[0].id);
    const held = await gridApi(base, '/grids/g1/jobs?status=held&limit=1');
    expect(held.total).toBe(g.sim.truth('g1').jobs.held);
    const jobs = await gridApi(base, '/grids/g1/jobs?limit=1');
    const job = await gridApi(base, `/grids/g1/jobs/${jobs.items[0].id}`);
    expect(job.job.id).toBe(jobs.items[0].id);
  });

  it('refuses a token for another grid, and takes a replayed snapshot once', async () => {
    const g = simGrid(4, 10, 50);
    const other = await createToken(base, 'collector g2', ['ingest:g2']);
    const refused = await collect(g, 'g3', ['--server', base, '--token', other.secret]);
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/may not feed grid "g3"/);

    const own = await createToken(base, 'collector g3', ['ingest:g3']);
    expect((await collect(g, 'g3', ['--server', base, '--token', own.secret])).code).toBe(1); // the spooled one went too
    const snapshot = app.cmon.grids.snapshot('g3');
    const again = await fetch(`${base}/api/v1/ingest/grid`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${own.secret}` },
      body: JSON.stringify(snapshot),
    });
    expect(again.status).toBe(200);
    expect((await again.json()).status).toBe('duplicate');
  });
});

describe('spool replay after a server outage', () => {
  it('spools while the server is down, then sends the spool first, oldest first, and the current one', async () => {
    const { app } = await makeTestApp();
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const g = simGrid(8, 10, 40);
      const token = await createToken(base, 'collector sp', ['ingest:sp']);
      const down = 'http://127.0.0.1:9'; // discard port: nothing answers
      for (let i = 0; i < 2; i++) {
        g.sim.step(60);
        g.sim.save(g.dir);
        const r = await collect(g, 'sp', ['--server', down, '--token', token.secret]);
        expect(r.code, r.out).toBe(2);
        expect(r.out).toMatch(/^CRITICAL/);
      }
      const seen: number[] = [];
      const ingest = app.cmon.grids.ingest.bind(app.cmon.grids);
      app.cmon.grids.ingest = async (body) => {
        seen.push((body as { collectedAt: number }).collectedAt);
        return ingest(body);
      };
      const r = await collect(g, 'sp', ['--server', base, '--token', token.secret]);
      expect(r.code, r.out).toBe(1);
      expect(r.out).toMatch(/^WARNING/);
      expect(seen).toHaveLength(3);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
      expect(app.cmon.grids.snapshot('sp')?.collectedAt).toBe(seen[2]);
      const again = await collect(g, 'sp', ['--server', base, '--token', token.secret]);
      expect(again.code, again.out).toBe(0);
    } finally {
      await app.close();
    }
  });
});

const vhost = await testVhost();

describe.skipIf(!vhost)('grids over AMQP: collector → RabbitMQ → consumer → API', () => {
  let app: App;
  let base: string;
  const url = vhost?.url as string;
  beforeAll(async () => {
    ({ app } = await makeTestApp({ CMON_AMQP_URL: url }));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    await app.amqpConsumer?.connected;
  });
  afterAll(async () => {
    await app.close();
    vhost?.drop();
  });

  it('delivers the snapshot and the API numbers equal the simulated grid', async () => {
    const g = simGrid(5);
    const run = await collect(g, 'amqp1', ['--amqp', url]);
    expect(run.code, run.out).toBe(0);
    expect(run.out).not.toContain('guest:guest');
    await waitFor('grid ingested', () => app.cmon.grids.snapshot('amqp1'));
    expect(comparable(await gridApi(base, '/grids/amqp1'))).toEqual(comparable(g.sim.truth('amqp1')));
  });

  it('dead-letters malformed and invalid messages with the reason, and takes a duplicate once', async () => {
    const conn = await amqp.connect(url);
    const ch = await conn.createConfirmChannel();
    const publish = (body: string, id: string = randomUUID()) =>
      new Promise<void>((resolve, reject) =>
        ch.publish(
          GRID_EXCHANGE,
          routingKeyFor('bad'),
          Buffer.from(body),
          { persistent: true, messageId: id },
          (err) => (err ? reject(err) : resolve()),
        ),
      );
    await publish('{"this is": not json');
    await publish(JSON.stringify({ version: 1, grid: 'bad', snapshotId: 'nope' }));
    const dead: { reason: string; body: string }[] = [];
    await waitFor('two dead letters', async () => {
      const m = await ch.get(DEAD_LETTER_QUEUE, { noAck: true });
      if (m) dead.push({ reason: String(m.properties.headers?.[REASON_HEADER]), body: m.content.toString() });
      return dead.length === 2;
    });
    expect(dead[0]?.reason).toMatch(/malformed JSON/);
    expect(dead[0]?.body).toBe('{"this is": not json');
    expect(dead[1]?.reason).toMatch(/invalid snapshot: .*snapshotId|invalid snapshot: \//);
    expect(app.cmon.grids.snapshot('bad')).toBeUndefined();

    const snapshot = app.cmon.grids.snapshot('amqp1');
    const ingest = vi.spyOn(app.cmon.grids, 'ingest');
    await publish(JSON.stringify(snapshot), snapshot?.snapshotId);
    await waitFor(
      'duplicate handled',
      () => ingest.mock.results.length === 1 && ingest.mock.results[0]?.type === 'return',
    );
    expect(await ingest.mock.results[0]?.value).toMatchObject({ status: 'duplicate' });
    ingest.mockRestore();
    const q = await ch.checkQueue('cmon.grid.snapshots');
    expect(q.messageCount).toBe(0);
    await conn.close();
  });
});
