/**
 * Grids at 5,000 VMs and 100,000 jobs: the collector's run time, publish → committed → visible in
 * the API over RabbitMQ, and a snapshot every 10 s for BENCH_GRID_MINUTES (default 5) watching for a
 * growing backlog, with the server's RSS. Prints its figures; asserts nothing.
 *
 *   npm run build && node dist/bench/grid.js
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import amqp from 'amqplib';
import { runCollect } from '../src/collector/cli.js';
import { AmqpTransport, GRID_QUEUE } from '../src/collector/transport-amqp.js';
import { loadConfig } from '../src/config/load.js';
import { buildApp } from '../src/server/app.js';
import { collectorArgs, initGrid } from '../src/sim/grid/index.js';

const VMS = Number(process.env.BENCH_VMS ?? 5000);
const JOBS = Number(process.env.BENCH_JOBS ?? 100_000);
const MINUTES = Number(process.env.BENCH_GRID_MINUTES ?? 5);
const EVERY_MS = 10_000;
const BASE = process.env.CMON_TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const TOKEN = 'bench-admin-token-0123456789abcdef';

const line = (label: string, value: string) => console.log(`${label.padEnd(52)} ${value}`);
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;

async function main(): Promise<void> {
  const vhost = `cmon-bench-${randomUUID().slice(0, 8)}`;
  execFileSync('rabbitmqctl', ['add_vhost', vhost], { stdio: 'ignore' });
  execFileSync('rabbitmqctl', ['set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*'], {
    stdio: 'ignore',
  });
  const url = `${BASE}/${vhost}`;
  const config = loadConfig({
    env: {},
    flags: {
      dataDir: mkdtempSync(join(tmpdir(), 'cmon-bench-grid-')),
      adminToken: TOKEN,
      adminPassword: 'bench-password-1',
      'amqp.url': url,
    },
  });
  const app = await buildApp({ config, logger: { level: 'warn' } });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  await app.amqpConsumer?.connected;
  console.log(`cmon grid benchmark: ${VMS} VMs, ${JOBS} jobs`);

  const t0 = performance.now();
  const g = initGrid(mkdtempSync(join(tmpdir(), 'cmon-bench-sim-')), {
    seed: 1,
    vms: VMS,
    jobs: JOBS,
    clouds: 4,
  });
  line('simulated grid created', `${(performance.now() - t0).toFixed(0)} ms`);

  let out = '';
  const c0 = performance.now();
  const code = await runCollect(collectorArgs(g, 'big', ['--amqp', url]), {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      out += t;
    },
  });
  line(
    'cmon collect run (3 commands, parse, validate, publish)',
    `${(performance.now() - c0).toFixed(0)} ms, exit ${code}: ${out.split('\n')[0]}`,
  );
  const deadline = Date.now() + 60_000;
  while (!app.cmon.grids.snapshot('big') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const template = app.cmon.grids.snapshot('big');
  if (!template) throw new Error('the first snapshot never arrived');
  const body0 = JSON.stringify(template);
  line(
    'snapshot size',
    `${mib(Buffer.byteLength(body0))} (${template.vms.length} VMs, ${template.slots.length} slots, ${template.jobs.length} jobs)`,
  );

  // A stream: one snapshot every 10 s, each timed from publish to visible in the API.
  const transport = new AmqpTransport({ url });
  const conn = await amqp.connect(url);
  const ch = await conn.createChannel();
  const latencies: number[] = [];
  const depths: number[] = [];
  const rss: number[] = [];
  const n = Math.max(1, Math.round((MINUTES * 60_000) / EVERY_MS));
  for (let i = 0; i < n; i++) {
    const tick = Date.now();
    const snap = { ...template, snapshotId: randomUUID(), collectedAt: Date.now() };
    const p0 = performance.now();
    const r = await transport.send({
      grid: snap.grid,
      snapshotId: snap.snapshotId,
      collectedAt: snap.collectedAt,
      body: JSON.stringify(snap),
    });
    if (r.kind !== 'delivered') throw new Error(`publish failed: ${JSON.stringify(r)}`);
    for (;;) {
      const res = await fetch(`${base}/api/v1/grids/big`, { headers: { authorization: `Bearer ${TOKEN}` } });
      if (((await res.json()) as { collectedAt: number }).collectedAt === snap.collectedAt) break;
      await new Promise((res2) => setTimeout(res2, 10));
    }
    latencies.push(performance.now() - p0);
    depths.push((await ch.checkQueue(GRID_QUEUE)).messageCount);
    rss.push(process.memoryUsage().rss);
    await new Promise((res) => setTimeout(res, Math.max(0, tick + EVERY_MS - Date.now())));
  }
  line(
    'publish → committed → visible in the API (first)',
    `${latencies[0]?.toFixed(0)} ms (target ≤ 2000 ms)`,
  );
  line(
    `  over ${n} snapshots every 10 s: p50 / p90 / max`,
    `${pct(latencies, 50).toFixed(0)} / ${pct(latencies, 90).toFixed(0)} / ${Math.max(...latencies).toFixed(0)} ms`,
  );
  line(
    'queue depth after each snapshot (max, last)',
    `${Math.max(...depths)}, ${depths[depths.length - 1]} (no backlog when 0)`,
  );
  line(
    'server RSS: after the first / max / last',
    `${mib(rss[0] ?? 0)} / ${mib(Math.max(...rss))} / ${mib(rss[rss.length - 1] ?? 0)}`,
  );

  await transport.close();
  await conn.close();
  await app.close();
  execFileSync('rabbitmqctl', ['delete_vhost', vhost], { stdio: 'ignore' });
}

await main();
