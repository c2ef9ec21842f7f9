/**
 * The wallboard at 10 accounts × 1,000 servers, through the real path (simulator on loopback,
 * pollers, state, HTTP, SSE, Chromium). Prints its figures; asserts nothing.
 *
 *   npm run bench            (builds first)
 *   BENCH_ACCOUNTS=10 BENCH_SERVERS=1000 BENCH_SECONDS=10 node dist/bench/wallboard.js
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { loadConfig } from '../src/config/load.js';
import type { LiveEvent } from '../src/live/events.js';
import type { Entity } from '../src/model.js';
import { buildApp } from '../src/server/app.js';
import { packageRoot } from '../src/util/package-root.js';
import { launchChromium } from '../test/helpers/browser.js';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10);
const SERVERS = Number(process.env.BENCH_SERVERS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const POLL_SEC = Number(process.env.BENCH_POLL_SEC ?? 2);
const require = createRequire(import.meta.url);

const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const line = (label: string, value: string) => console.log(`${label.padEnd(48)} ${value}`);

interface SimInfo {
  identityUrl: string;
  accounts: { name: string; username: string; apiKey: string; tenantId: string }[];
}

/** The provider is remote in real life: the simulator gets its own process, driven over HTTP. */
async function startSimProcess() {
  const bin = join(packageRoot(), 'bin', 'cmon.js');
  const args = [
    'sim',
    'rackspace',
    '--accounts',
    String(ACCOUNTS),
    '--servers',
    String(SERVERS),
    '--seed',
    '1',
    '--port',
    '0',
  ];
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const info = await new Promise<SimInfo>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)) as SimInfo);
    });
    child.on('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  const control = info.identityUrl.replace(/\/v2\.0$/, '/_sim');
  return {
    identityUrl: info.identityUrl,
    accounts: () => info.accounts,
    truth: async (tenant: string) => (await (await fetch(`${control}/truth/${tenant}`)).json()) as Entity[],
    setAlarmState: async (
      tenantId: string,
      entityId: string,
      alarmId: string,
      state: string,
      status: string,
    ) => {
      const res = await fetch(`${control}/alarm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId, entityId, alarmId, state, status }),
      });
      if (!res.ok) throw new Error(`simulator: ${await res.text()}`);
    },
    stop: () => child.kill('SIGTERM'),
  };
}

async function main(): Promise<void> {
  const sim = await startSimProcess();
  const config = loadConfig({
    env: {},
    flags: {
      dataDir: mkdtempSync(join(tmpdir(), 'cmon-bench-')),
      port: '0',
      adminToken: BENCH_ADMIN_TOKEN,
      adminPassword: 'bench-password-1',
    },
  });
  const app = await buildApp({ config, logger: { level: 'warn' } });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  // Readers authenticate as they would for real: a read token for the load, a kiosk link for the page.
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` },
    payload: { name: 'bench', scopes: ['read'] },
  });
  const readToken = (created.json() as { secret: string }).secret;
  const total = ACCOUNTS * SERVERS;
  console.log(`cmon wallboard benchmark: ${ACCOUNTS} accounts × ${SERVERS} servers = ${total} circles`);

  const t0 = performance.now();
  for (const a of sim.accounts()) {
    await app.cmon.sources.create({
      type: 'rackspace',
      name: a.name,
      config: {
        username: a.username,
        apiKey: a.apiKey,
        identityUrl: sim.identityUrl,
        pollIntervalSec: POLL_SEC,
      },
    });
  }
  for (;;) {
    const o = JSON.parse(app.cmon.state.overview().toString()) as { sources: { entities: unknown[] }[] };
    if (o.sources.reduce((n, s) => n + s.entities.length, 0) === total) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  line('first full poll of every account', `${(performance.now() - t0).toFixed(0)} ms`);
  const bytes = app.cmon.state.overview().length;
  line('overview response size', `${(bytes / 1024).toFixed(0)} KiB`);

  // A separate process drives the load so it doesn't share the server's event loop.
  const cannon = require.resolve('autocannon/autocannon.js');
  // The server runs in this process: the load must come from another one, asynchronously.
  const { stdout: out } = await promisify(execFile)(
    process.execPath,
    [
      cannon,
      '-j',
      '-c',
      '8',
      '-d',
      String(SECONDS),
      '-H',
      `authorization=Bearer ${readToken}`,
      `${base}/api/v1/overview`,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const r = JSON.parse(out) as {
    latency: { p50: number; p90: number; p99: number; max: number };
    requests: { average: number };
    non2xx: number;
    errors: number;
  };
  line(
    'GET /api/v1/overview latency p50 / p90 / p99',
    `${r.latency.p50} / ${r.latency.p90} / ${r.latency.p99} ms (target p50 ≤ 50 ms)`,
  );
  line(
    'GET /api/v1/overview requests/s (8 connections)',
    `${r.requests.average.toFixed(0)} (errors ${r.errors}, non-2xx ${r.non2xx})`,
  );

  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${base}/kiosk?token=${readToken}`);
  const paint: number[] = [];
  for (let i = 0; i < 4; i++) {
    const start = Date.now();
    await page.goto(`${base}/?kiosk=1`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-entity-id]').length === n, total, {
      timeout: 60_000,
      polling: 'raf',
    });
    // One more frame: the circles are in the DOM; this waits until they have been painted.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    paint.push(Date.now() - start);
  }
  line(`navigation → ${total} circles painted, cold`, `${paint[0]} ms (fresh browser, nothing cached)`);
  line(
    `navigation → ${total} circles painted, warm ×3`,
    `${paint.slice(1).join(' / ')} ms (target ≤ 1500 ms)`,
  );

  // Change at the source → the poll that sees it → the open page.
  const tenant = sim.accounts()[0]?.tenantId as string;
  const samples: { sourceToPage: number; pollToPage: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const entity = (await sim.truth(tenant)).find((e, idx) => idx >= i * 50 && e.alarms.length > 0);
    const alarm = entity?.alarms[0];
    if (!entity || !alarm) break;
    const next = alarm.state === 'CRITICAL' ? 'OK' : 'CRITICAL';
    let publishedAt = 0;
    const off = app.cmon.bus.subscribe((ev: LiveEvent) => {
      if (ev.type === 'entities' && ev.data.upsert.some((u) => u.id === entity.id)) publishedAt = Date.now();
    });
    const before = await page.textContent(`[data-entity-id="${entity.id}"]`);
    const changedAt = Date.now();
    await sim.setAlarmState(tenant, entity.id, alarm.id, next, 'bench');
    await page.waitForFunction(
      ([id, text]) => document.querySelector(`[data-entity-id="${id}"]`)?.textContent !== text,
      [entity.id, before],
      { timeout: 30_000, polling: 'raf' },
    );
    const seenAt = Date.now();
    off();
    samples.push({ sourceToPage: seenAt - changedAt, pollToPage: seenAt - publishedAt });
  }
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' / ');
  line(
    'change at source → page (includes poll wait)',
    `${fmt(samples.map((s) => s.sourceToPage))} ms (poll every ${POLL_SEC} s)`,
  );
  line('poll that sees it → page', `${fmt(samples.map((s) => s.pollToPage))} ms (target ≤ 2000 ms)`);
  const rss = process.memoryUsage().rss;
  line('server process RSS (10,000 servers loaded)', `${(rss / 1024 / 1024).toFixed(0)} MiB`);

  await browser.close();
  await app.close();
  sim.stop();
}

await main();
