/** `cmon sim rackspace`: run the simulator in the foreground and print its accounts as one JSON line. */
import { parseArgs } from 'node:util';
import { RackspaceSim } from './sim.js';
import type { SimOptions } from './types.js';

export const USAGE = `Usage: cmon sim rackspace [options]

Serves a fake Rackspace Identity v2.0 + Cloud Monitoring API until interrupted.
Prints one JSON line: {"identityUrl": "...", "accounts": [{name, username, apiKey, password, tenantId}]}

Options:
  --accounts N            accounts to serve (default 3)
  --servers M             servers (entities) per account (default 50)
  --seed S                PRNG seed; same seed, same data (default 42)
  --port P                port (default 0 = any free port)
  --host H                interface (default 127.0.0.1)
  --change-interval-ms X  change some alarms every X ms; 0 = never (default 5000)
  -h, --help              show this help
`;

function int(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

/** Returns undefined when only help was asked for. */
export function parseSimArgs(argv: string[]): SimOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      accounts: { type: 'string' },
      servers: { type: 'string' },
      seed: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'change-interval-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  return {
    accounts: int('accounts', values.accounts, 3, 1),
    servers: int('servers', values.servers, 50, 0),
    seed: int('seed', values.seed, 42, 0),
    port: int('port', values.port, 0, 0),
    host: values.host ?? '127.0.0.1',
    changeIntervalMs: int('change-interval-ms', values['change-interval-ms'], 5000, 0),
  };
}

export async function runRackspaceSim(argv: string[]): Promise<void> {
  const opts = parseSimArgs(argv);
  if (!opts) {
    process.stdout.write(USAGE);
    return;
  }
  const sim = new RackspaceSim(opts);
  await sim.start();
  const accounts = sim.accounts().map(({ name, username, apiKey, password, tenantId }) => ({
    name,
    username,
    apiKey,
    password,
    tenantId,
  }));
  process.stdout.write(`${JSON.stringify({ identityUrl: sim.identityUrl, accounts })}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void sim.stop().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
