/**
 * Per-server alarm series at wallboard scale: 10 accounts × 1,000 servers × 5 states = 50,000
 * series, each written at every poll, as `sourceSeriesWriter` does. Measures what the history
 * store costs the server: a poll's write, memory of the open chunks, checkpoint time and the
 * longest event-loop stall while a background checkpoint runs, start-up (replay) time, bytes on
 * disk. Prints its figures; asserts nothing.
 *
 *   npx tsc -p tsconfig.build.json && node --expose-gc dist/bench/history-servers.js [polls]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { SqliteHistoryStore } from '../src/history/sqlite/store.js';
import type { SeriesSamples } from '../src/history/store.js';

const ACCOUNTS = 10;
const SERVERS = 1000;
const STATES = ['ok', 'warning', 'critical', 'unknown', 'total'] as const;
const POLLS = Number(process.argv[2] ?? 300);
const POLL_MS = 60_000;
const T0 = Date.UTC(2026, 0, 1);

const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** A server's counts: 3–8 alarms, one flipping to warning or critical now and then. */
function counts(server: number, poll: number): Record<(typeof STATES)[number], number> {
  const total = 3 + (server % 6);
  const bad = (server * 7 + Math.floor(poll / 17)) % 23 === 0 ? 1 : 0;
  const crit = (server + Math.floor(poll / 29)) % 41 === 0 ? 1 : 0;
  return { ok: total - bad - crit, warning: bad, critical: crit, unknown: 0, total };
}

/** Each server's labels, one object per state kept from poll to poll, as `sourceSeriesWriter` keeps them. */
const labelsOf = new Map<string, Record<string, string>[]>();

function pollBatch(account: number, poll: number): SeriesSamples[] {
  const at = T0 + poll * POLL_MS + account * 997;
  const batch: SeriesSamples[] = [];
  for (let s = 0; s < SERVERS; s++) {
    const c = counts(s, poll);
    const key = `${account}/${s}`;
    let labels = labelsOf.get(key);
    if (!labels) {
      labels = STATES.map((st) => ({
        source_id: `acct-${account}`,
        server: `en${account}x${s}`,
        server_name: `web-${account}-${s}.example.com`,
        state: st,
      }));
      labelsOf.set(key, labels);
    }
    STATES.forEach((st, i) => {
      batch.push({ name: 'cmon_server_alarms', labels: labels[i] ?? {}, t: [at], v: [c[st]] });
    });
  }
  return batch;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cmon-bench-servers-'));
  const file = join(dir, 'history.db');
  console.log(`${ACCOUNTS} accounts × ${SERVERS} servers × ${STATES.length} states, ${POLLS} polls each`);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const store = new SqliteHistoryStore(file, { flushIntervalMs: 0, retentionIntervalMs: 0 });
  await store.init();
  const writes: number[] = [];
  const checkpointEvery = Math.max(1, Math.round(POLLS / 5));
  for (let p = 0; p < POLLS; p++) {
    for (let a = 0; a < ACCOUNTS; a++) {
      const batch = pollBatch(a, p);
      const t = performance.now();
      await store.write(batch);
      writes.push(performance.now() - t);
    }
    if (p % checkpointEvery === checkpointEvery - 1) await store.flush();
  }
  const samples = POLLS * ACCOUNTS * SERVERS * STATES.length;
  console.log(
    `write of one account's poll (5,000 series): p50 ${ms(pct(writes, 50))}, p99 ${ms(pct(writes, 99))}, max ${ms(Math.max(...writes))}`,
  );
  gc();
  const heap = process.memoryUsage();
  console.log(`heap for 50,000 open series: ${mib(heap.heapUsed - heapBefore)} (RSS ${mib(heap.rss)})`);

  // One more round of polls, then a background checkpoint while the loop's delay is watched.
  for (let a = 0; a < ACCOUNTS; a++) await store.write(pollBatch(a, POLLS));
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const t = performance.now();
  await store.flush({ background: true });
  const took = performance.now() - t;
  await sleep(20);
  h.disable();
  console.log(
    `background checkpoint of 50,000 series: ${ms(took)} in all, longest event-loop stall ${ms(h.max / 1e6)}`,
  );
  for (let a = 0; a < ACCOUNTS; a++) await store.write(pollBatch(a, POLLS + 1));
  const t1 = performance.now();
  await store.flush();
  console.log(`full checkpoint (one transaction): ${ms(performance.now() - t1)}`);

  // What a restart after a kill finds: a log of polls since the last checkpoint.
  for (let p = POLLS + 2; p < POLLS + 7; p++)
    for (let a = 0; a < ACCOUNTS; a++) await store.write(pollBatch(a, p));
  // A copy of the files as they are now is what a kill leaves; a new process starts from it.
  const crashed = join(dir, 'crashed.db');
  copyFileSync(file, crashed);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${crashed}-wal`);
  const storeUrl = new URL('../src/history/sqlite/store.js', import.meta.url).href;
  const child = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { SqliteHistoryStore } = await import(${JSON.stringify(storeUrl)});
       const t = performance.now();
       const s = new SqliteHistoryStore(${JSON.stringify(crashed)}, { flushIntervalMs: 0, retentionIntervalMs: 0 });
       await s.init();
       console.log((performance.now() - t).toFixed(0));
       await s.close();`,
    ],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  console.log(
    `start-up of a new process after a kill, 5 polls in the log (50,000 heads loaded, 250,000 samples replayed): ${child.stdout.trim()} ms`,
  );
  await store.close();
  // Pages the trimmed log freed are reused by the next writes: they are not history.
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const used =
    ((db.pragma('page_count', { simple: true }) as number) -
      (db.pragma('freelist_count', { simple: true }) as number)) *
    pageSize;
  db.close();
  const total = samples + 7 * ACCOUNTS * SERVERS * STATES.length;
  console.log(
    `on disk: ${mib(statSync(file).size)} file, ${mib(used)} in use, ${(used / total).toFixed(2)} bytes/sample (all tiers, ${POLLS} samples a series)`,
  );
  rmSync(dir, { recursive: true, force: true });
}

await main();
