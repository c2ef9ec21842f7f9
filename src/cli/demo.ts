import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken } from '../auth/tokens.js';
import { ConfigError, loadConfig } from '../config/load.js';
import type { App } from '../server/types.js';
import { RackspaceSim } from '../sim/rackspace/sim.js';
import { parseCommandArgs, positiveInt, UsageError, untilSignal } from './args.js';
import { collectDemoGrid, createDemoGrids } from './demo-grids.js';
import { startServer } from './serve.js';

const USAGE = `Usage: cmon demo [--port N] [--host ADDR] [--data DIR] [--accounts N] [--servers N] [--seed N]

Starts the Rackspace simulator and cmon, and adds the simulated accounts through cmon's own
API, so the board is fed through the real path: Identity, paged overview polling on loopback.

Options:
  --port N          cmon's port (default 8080)
  --host ADDR       cmon's address (default 127.0.0.1)
  --data DIR        data directory (default: a new temporary one)
  --accounts N      simulated accounts (default 4)
  --servers N       servers per account (default 60)
  --poll SEC        poll interval per account in seconds (default 2)
  --seed N          simulator seed (default 42)
  -h, --help        this help
`;

const DEMO_PASSWORD = 'cmon-demo';
const GRID_EVERY_MS = 10_000;

/** An ingest token for a demo grid's collector, issued and audited as an admin's would be. */
async function demoToken(app: App, grid: string): Promise<string> {
  const { store } = app.cmon.auth;
  const name = `demo collector ${grid}`;
  const scopes = [`ingest:${grid}`];
  const { secret } = await issueToken(store, { name, scopes, createdBy: 'cmon demo' }, Date.now);
  await store.appendAudit({
    at: Date.now(),
    actor: 'cmon demo',
    action: 'token.create',
    target: name,
    ip: null,
    details: { scopes },
  });
  return secret;
}

const DEMO_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  accounts: { type: 'string' },
  servers: { type: 'string' },
  poll: { type: 'string' },
  seed: { type: 'string' },
} as const;

export async function runDemo(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCommandArgs<typeof DEMO_OPTIONS>>['values'];
  let config: ReturnType<typeof loadConfig>;
  try {
    parsed = parseCommandArgs(argv, DEMO_OPTIONS).values;
    if (parsed.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const dataDir = parsed.data ?? mkdtempSync(join(tmpdir(), 'cmon-demo-'));
    // The demo board is for looking at: reads are open, and the admin password is shown.
    config = loadConfig({
      flags: {
        port: parsed.port,
        host: parsed.host,
        dataDir,
        'auth.anonymousRead': 'true',
        adminPassword: DEMO_PASSWORD,
      },
    });
  } catch (err) {
    if (err instanceof ConfigError || err instanceof UsageError) {
      process.stderr.write(`cmon demo: ${err.message}\n`);
      return 3;
    }
    throw err;
  }

  const sim = new RackspaceSim({
    accounts: positiveInt('accounts', parsed.accounts, 4),
    servers: positiveInt('servers', parsed.servers, 60),
    seed: positiveInt('seed', parsed.seed, 42),
    changeIntervalMs: 1500,
    changesPerTick: 3,
  });
  await sim.start();
  const app = await startServer(config);
  const { port } = app.server.address() as AddressInfo;
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const pollIntervalSec = positiveInt('poll', parsed.poll, 2);
  // A reused data dir holds demo accounts pointing at an earlier simulator's port: replace them.
  for (const s of await app.cmon.sources.list())
    if (s.name.startsWith('Demo ')) await app.cmon.sources.remove(s.id);
  for (const account of sim.accounts()) {
    await app.cmon.sources.create({
      type: 'rackspace',
      name: `Demo ${account.name}`,
      config: {
        username: account.username,
        apiKey: account.apiKey,
        identityUrl: sim.identityUrl,
        pollIntervalSec,
      },
    });
  }
  // Two simulated grids, each fed by the real collector every GRID_EVERY_MS over HTTP.
  const grids = createDemoGrids();
  const tokens = await Promise.all(grids.map((g) => demoToken(app, g.name)));
  let collecting = false;
  const collectAll = async () => {
    if (collecting) return;
    collecting = true;
    try {
      await Promise.all(grids.map((g, i) => collectDemoGrid(g, base, tokens[i] as string, 60)));
    } finally {
      collecting = false;
    }
  };
  await collectAll();
  const gridTimer = setInterval(() => void collectAll(), GRID_EVERY_MS);
  process.stdout.write(
    `\ncmon demo is running: open ${base}/  (sign in as admin / ${DEMO_PASSWORD} to change things;` +
      ` data in ${config.dataDir}; Ctrl-C stops)\n\n`,
  );
  await untilSignal();
  clearInterval(gridTimer);
  await app.close();
  await sim.stop();
  return 0;
}
