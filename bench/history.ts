/**
 * History store vs VictoriaMetrics, side by side in one run, on the same data: 10 series × 1 year
 * at 60 s (5.26 M samples). Both are fed the same Prometheus text over HTTP on loopback. Prints
 * its figures; asserts nothing.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/history.js
 *   (needs `apt-get install -y victoria-metrics`; BENCH_VM=/path/to/victoria-metrics to override)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { historyPlugin } from '../src/history/plugin.js';
import { SqliteHistoryStore } from '../src/history/sqlite/store.js';

const VM_BIN = process.env.BENCH_VM ?? '/usr/bin/victoria-metrics';
const SERIES = 10;
const STEP_MS = 60_000;
const YEAR_MS = 365 * 86_400_000;
const T0 = Date.UTC(2023, 0, 1);
const SAMPLES_PER_SERIES = YEAR_MS / STEP_MS;
const TOTAL = SERIES * SAMPLES_PER_SERIES;
const RUNS = 7;
/** The 1-day answers take a few ms, where a busy machine's noise is as large: more runs, a steadier median. */
const DAY_RUNS = 31;
const MATCH = '{__name__=~"cmon_.*"}';

const line = (label: string, cmon: string, vm: string) =>
  console.log(`${label.padEnd(40)} ${cmon.padStart(16)} ${vm.padStart(16)}`);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Deterministic xorshift, so every run measures the same data. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

interface Gen {
  name: string;
  labels: string;
  next: () => number;
}

/**
 * What cmon records: alarm counts by state (small integers that change now and then), counters,
 * and a few floats (a load average with two decimals, a percentage with one).
 */
function generators(): Gen[] {
  const r = rng(42);
  const gens: Gen[] = [];
  const states = ['ok', 'warning', 'critical', 'unknown'];
  for (let i = 0; i < 6; i++) {
    let v = Math.floor(r() * 10);
    const state = states[i % 4] ?? 'ok';
    gens.push({
      name: 'cmon_alarms',
      labels: `{account="acct-${i}",state="${state}"}`,
      next: () => {
        if (r() < 0.02) v = Math.max(0, v + Math.floor(r() * 7) - 3);
        return v;
      },
    });
  }
  for (let i = 0; i < 2; i++) {
    let v = 0;
    gens.push({
      name: 'cmon_polls_total',
      labels: `{account="acct-${i}"}`,
      next: () => (v += r() < 0.9 ? 1 : 2),
    });
  }
  let load = 120;
  gens.push({
    name: 'cmon_grid_load',
    labels: '{cluster="main"}',
    next: () => {
      load = Math.max(0, load + Math.floor(r() * 21) - 10);
      return load / 100;
    },
  });
  let pct = 500;
  gens.push({
    name: 'cmon_grid_busy_percent',
    labels: '{cluster="main"}',
    next: () => {
      if (r() < 0.3) pct = Math.min(1000, Math.max(0, pct + Math.floor(r() * 11) - 5));
      return pct / 10;
    },
  });
  return gens;
}

async function writeData(file: string): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  for (const g of generators()) {
    const prefix = `${g.name}${g.labels} `;
    let buf = '';
    for (let i = 0; i < SAMPLES_PER_SERIES; i++) {
      buf += `${prefix}${g.next()} ${T0 + i * STEP_MS}\n`;
      if (buf.length > 1 << 20) {
        bytes += buf.length;
        if (!out.write(buf)) await new Promise<void>((res) => out.once('drain', () => res()));
        buf = '';
      }
    }
    bytes += buf.length;
    out.write(buf);
  }
  out.end();
  await finished(out);
  return bytes;
}

function dirSize(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? dirSize(p) : e.isFile() ? statSync(p).size : 0;
  }
  return total;
}

async function post(url: string, file: string): Promise<Response> {
  const body = Readable.toWeb(
    createReadStream(file, { highWaterMark: 1 << 20 }),
  ) as ReadableStream<Uint8Array>;
  return fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'text/plain' },
    duplex: 'half',
  } as RequestInit);
}

async function median(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

async function getOk(url: string): Promise<string> {
  const res = await fetch(url);
  const text = await res.text();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${text.slice(0, 200)}`);
  return text;
}

async function startVm(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = 18_428 + Math.floor(Math.random() * 1000);
  const child = spawn(
    VM_BIN,
    [
      `-storageDataPath=${dataDir}`,
      `-httpListenAddr=127.0.0.1:${port}`,
      '-retentionPeriod=100y',
      '-loggerLevel=ERROR',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`victoria-metrics exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('victoria-metrics did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopVm(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cmon-bench-history-'));
  let vm: ChildProcess | undefined;
  const store = new SqliteHistoryStore(join(dir, 'history.db'), {
    flushIntervalMs: 0,
    retentionIntervalMs: 0,
  });
  const app = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>();
  try {
    const file = join(dir, 'data.prom');
    const bytes = await writeData(file);
    console.log(
      `data: ${SERIES} series × ${fmt(SAMPLES_PER_SERIES)} samples = ${fmt(TOTAL)} samples, ${fmt(bytes / 2 ** 20, 1)} MiB of text\n`,
    );

    await store.init();
    app.removeContentTypeParser('text/plain');
    await app.register(historyPlugin, { prefix: '/api/v1', history: store });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const cmon = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;

    const vmStarted = await startVm(join(dir, 'vm'));
    vm = vmStarted.child;
    const vmBase = vmStarted.base;

    // Import: the same file over HTTP to each. cmon answers after committing; VM after buffering, so force a flush.
    let t = performance.now();
    const ci = await post(`${cmon}/import`, file);
    if (!ci.ok) throw new Error(`cmon import: ${ci.status} ${await ci.text()}`);
    const cmonImportS = (performance.now() - t) / 1000;
    t = performance.now();
    const vi = await post(`${vmBase}/api/v1/import/prometheus`, file);
    if (!vi.ok) throw new Error(`vm import: ${vi.status} ${await vi.text()}`);
    await getOk(`${vmBase}/internal/force_flush`);
    const vmImportS = (performance.now() - t) / 1000;

    // Sizes: cmon after a checkpoint into the main file; VM after its flush and a moment to merge.
    await store.flush();
    await store.close();
    const cmonBytes = statSync(join(dir, 'history.db')).size;
    // VM keeps recent parts in memory even after force_flush: a clean stop writes everything out.
    await stopVm(vm);
    const vmBytes = dirSize(join(dir, 'vm'));
    const vmRestarted = await startVm(join(dir, 'vm'));
    vm = vmRestarted.child;
    const vmBase2 = vmRestarted.base;
    const reopened = new SqliteHistoryStore(join(dir, 'history.db'), {
      flushIntervalMs: 0,
      retentionIntervalMs: 0,
    });
    await reopened.init();
    await app.close();
    const app2 = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>();
    app2.removeContentTypeParser('text/plain');
    await app2.register(historyPlugin, { prefix: '/api/v1', history: reopened });
    await app2.listen({ host: '127.0.0.1', port: 0 });
    const cmon2 = `http://127.0.0.1:${(app2.server.address() as AddressInfo).port}/api/v1`;

    const m = encodeURIComponent(MATCH);
    const yearStepS = YEAR_MS / 1000 / 1000;
    const s0 = T0 / 1000;
    const day0 = T0 + 200 * 86_400_000;
    // The first 1-year query of each after its restart: nothing decoded or cached yet.
    let started = performance.now();
    const check = JSON.parse(
      await getOk(`${cmon2}/series/query?match=${m}&from=${T0}&to=${T0 + YEAR_MS}&points=1000`),
    ) as {
      series: { t: number[] }[];
    };
    const yearCmonCold = performance.now() - started;
    started = performance.now();
    const vmCheck = JSON.parse(
      await getOk(
        `${vmBase2}/api/v1/query_range?query=${m}&start=${s0}&end=${s0 + YEAR_MS / 1000}&step=${yearStepS}&nocache=1`,
      ),
    ) as { data: { result: unknown[] } };
    const yearVmCold = performance.now() - started;
    const dayExport = await getOk(`${cmon2}/export?match=${m}&from=${day0}&to=${day0 + 86_400_000}`);
    const vmDayExport = await getOk(
      `${vmBase2}/api/v1/export?match[]=${m}&start=${day0 / 1000}&end=${(day0 + 86_400_000) / 1000 - 1}`,
    );

    const yearCmon = await median(() =>
      getOk(`${cmon2}/series/query?match=${m}&from=${T0}&to=${T0 + YEAR_MS}&points=1000`),
    );
    const yearVm = await median(() =>
      getOk(
        `${vmBase2}/api/v1/query_range?query=${m}&start=${s0}&end=${s0 + YEAR_MS / 1000}&step=${yearStepS}&nocache=1`,
      ),
    );
    const yearVmMax = await median(() =>
      getOk(
        `${vmBase2}/api/v1/query_range?query=${encodeURIComponent(`max_over_time(${MATCH}[${yearStepS}s])`)}&start=${s0}&end=${s0 + YEAR_MS / 1000}&step=${yearStepS}&nocache=1`,
      ),
    );
    const dayCmon = await median(
      () => getOk(`${cmon2}/series/query?match=${m}&from=${day0}&to=${day0 + 86_400_000}&points=1440`),
      DAY_RUNS,
    );
    const dayCmonExport = await median(
      () => getOk(`${cmon2}/export?match=${m}&from=${day0}&to=${day0 + 86_400_000}`),
      DAY_RUNS,
    );
    const dayVmExport = await median(
      () =>
        getOk(
          `${vmBase2}/api/v1/export?match[]=${m}&start=${day0 / 1000}&end=${(day0 + 86_400_000) / 1000 - 1}`,
        ),
      DAY_RUNS,
    );
    const dayVmRange = await median(
      () =>
        getOk(
          `${vmBase2}/api/v1/query_range?query=${m}&start=${day0 / 1000}&end=${(day0 + 86_400_000) / 1000}&step=60&nocache=1`,
        ),
      DAY_RUNS,
    );

    line('', 'cmon', 'VictoriaMetrics');
    line('import rate (samples/s)', fmt(TOTAL / cmonImportS), fmt(TOTAL / vmImportS));
    line('import time (s)', fmt(cmonImportS, 2), fmt(vmImportS, 2));
    line('bytes on disk', fmt(cmonBytes), fmt(vmBytes));
    line('bytes per sample', fmt(cmonBytes / TOTAL, 3), fmt(vmBytes / TOTAL, 3));
    line('1 y @ 1,000 points, first after restart, ms', fmt(yearCmonCold, 1), fmt(yearVmCold, 1));
    line('1 y @ 1,000 points, median ms', fmt(yearCmon, 1), fmt(yearVm, 1));
    line('  (cmon keeps decoded chunks: 64 MiB)', '', '');
    line('  (VM with max_over_time)', '', fmt(yearVmMax, 1));
    line('1 day raw (query, 1,440 pts), ms', fmt(dayCmon, 1), fmt(dayVmRange, 1));
    line('1 day raw (export), ms', fmt(dayCmonExport, 1), fmt(dayVmExport, 1));
    console.log(
      `\nchecks: cmon 1y query ${check.series.length} series × ${check.series[0]?.t.length} points; VM ${vmCheck.data.result.length} series;` +
        ` 1-day export lines: cmon ${dayExport.split('\n').length - 1}, VM ${vmDayExport.split('\n').length - 1} (VM: one JSON line per series)`,
    );
    console.log('targets: both queries no slower than VM; ≤ 2 bytes/sample; import ≥ 500,000 samples/s');
    await app2.close();
    await reopened.close();
  } finally {
    if (vm) await stopVm(vm);
    await app.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
