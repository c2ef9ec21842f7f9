/** `cmon collect` options: flags over an optional YAML config file, checked before anything runs. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import { parse as parseYaml } from 'yaml';
import { parseCommandArgs, UsageError } from '../cli/args.js';
import { GridNameSchema } from '../sources/grid/snapshot.js';
import { type CommandPaths, DEFAULT_PATHS } from './collect.js';
import { METRICS_FORMATS, type MetricsFormat } from './metrics.js';
import { DEFAULT_SPOOL_MAX_AGE_MS, DEFAULT_SPOOL_MAX_FILES } from './spool.js';

export const USAGE = `Usage: cmon collect [options]

Reads condor_status, condor_q and cloud_status on a grid's scheduler host and sends one snapshot to
cmon over AMQP or HTTPS; spools it to disk when that fails and replays the spool first next time.
Prints one status line and exits 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (a Sensu/Nagios check).

Options:
  --grid NAME             grid name (default: this host's name)
  --amqp URL              send to RabbitMQ, e.g. amqp://user:pass@broker:5672/vhost
  --server URL            send to cmon's HTTP ingest (needs --token or "token" in the config file)
  --token T               API token with scope ingest:<grid> (prefer the config file: argv is public)
  --spool DIR             spool directory (default ~/.local/state/cmon/spool/<grid>)
  --condor-status PATH    condor_status command (default: condor_status on PATH)
  --condor-q PATH         condor_q command (default: condor_q on PATH)
  --cloud-status PATH     cloud_status command (default: cloud_status on PATH)
  --loop SECONDS          run forever, once every SECONDS (daemon instead of cron)
  --metrics FORMAT        also print the summary as metric lines: graphite | prometheus
  --config FILE           YAML file with any of: grid, amqp, server, token, spool, condorStatus,
                          condorQ, cloudStatus, loop, metrics, spoolMaxFiles (default 1440),
                          spoolMaxAgeHours (default 24), timeoutSeconds (default 120)
  -h, --help              show this help
`;

const ConfigFileSchema = Type.Object(
  {
    grid: Type.Optional(GridNameSchema),
    amqp: Type.Optional(Type.String({ pattern: '^amqps?://' })),
    server: Type.Optional(Type.String({ pattern: '^https?://' })),
    token: Type.Optional(Type.String({ minLength: 1 })),
    spool: Type.Optional(Type.String({ minLength: 1 })),
    condorStatus: Type.Optional(Type.String({ minLength: 1 })),
    condorQ: Type.Optional(Type.String({ minLength: 1 })),
    cloudStatus: Type.Optional(Type.String({ minLength: 1 })),
    loop: Type.Optional(Type.Integer({ minimum: 1 })),
    metrics: Type.Optional(Type.Union(METRICS_FORMATS.map((f) => Type.Literal(f)))),
    spoolMaxFiles: Type.Optional(Type.Integer({ minimum: 1 })),
    spoolMaxAgeHours: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    timeoutSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  },
  { additionalProperties: false },
);
type ConfigFile = Static<typeof ConfigFileSchema>;

export interface CollectConfig {
  grid: string;
  transport: { kind: 'amqp'; url: string } | { kind: 'http'; server: string; token: string };
  spoolDir: string;
  spoolMaxFiles: number;
  spoolMaxAgeMs: number;
  paths: CommandPaths;
  timeoutMs: number;
  loopSeconds: number | undefined;
  metrics: MetricsFormat | undefined;
}

function readConfigFile(file: string): ConfigFile {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`config file ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return {};
  const bad = [...Value.Errors(ConfigFileSchema, doc)][0];
  if (bad) {
    const key = bad.instancePath.replace(/^\//, '') || '(root)';
    throw new UsageError(
      `config file ${file}: ${key}: ${bad.keyword === 'boolean' ? 'unknown setting' : bad.message}`,
    );
  }
  return doc as ConfigFile;
}

function number(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${name}: expected a whole number >= 1, got "${raw}"`);
  return n;
}

/** Host names are valid grid names once anything outside [A-Za-z0-9._-] is replaced. */
export function defaultGridName(hostname = os.hostname()): string {
  const name = hostname.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return name || 'grid';
}

/** undefined = help was asked for. Throws UsageError for anything an operator must fix. */
export function parseCollectArgs(argv: string[]): CollectConfig | undefined {
  const { values, positionals } = parseCommandArgs(argv, {
    grid: { type: 'string' },
    amqp: { type: 'string' },
    server: { type: 'string' },
    token: { type: 'string' },
    spool: { type: 'string' },
    'condor-status': { type: 'string' },
    'condor-q': { type: 'string' },
    'cloud-status': { type: 'string' },
    loop: { type: 'string' },
    metrics: { type: 'string' },
    config: { type: 'string' },
  });
  if (values.help) return undefined;
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const file = values.config ? readConfigFile(values.config) : {};

  const grid = values.grid ?? file.grid ?? defaultGridName();
  if (!Value.Check(GridNameSchema, grid))
    throw new UsageError(`--grid: "${grid}" is not a valid grid name (letters, digits, . _ -)`);
  const metrics = values.metrics ?? file.metrics;
  if (metrics !== undefined && !(METRICS_FORMATS as readonly string[]).includes(metrics))
    throw new UsageError(`--metrics: expected graphite or prometheus, got "${metrics}"`);

  const amqp = values.amqp ?? file.amqp;
  const server = values.server ?? file.server;
  const token = values.token ?? file.token;
  if (amqp && server) throw new UsageError('give either --amqp or --server, not both');
  let transport: CollectConfig['transport'];
  if (amqp) {
    if (!/^amqps?:\/\//.test(amqp)) throw new UsageError('--amqp: expected an amqp:// or amqps:// URL');
    transport = { kind: 'amqp', url: amqp };
  } else if (server) {
    if (!/^https?:\/\//.test(server)) throw new UsageError('--server: expected an http:// or https:// URL');
    if (!token) throw new UsageError('--server needs --token (or "token" in the config file)');
    transport = { kind: 'http', server, token };
  } else {
    throw new UsageError('nowhere to send: give --amqp URL, or --server URL with --token');
  }

  return {
    grid,
    transport,
    spoolDir: values.spool ?? file.spool ?? join(os.homedir(), '.local', 'state', 'cmon', 'spool', grid),
    spoolMaxFiles: file.spoolMaxFiles ?? DEFAULT_SPOOL_MAX_FILES,
    spoolMaxAgeMs:
      file.spoolMaxAgeHours !== undefined ? file.spoolMaxAgeHours * 3600_000 : DEFAULT_SPOOL_MAX_AGE_MS,
    paths: {
      condorStatus: values['condor-status'] ?? file.condorStatus ?? DEFAULT_PATHS.condorStatus,
      condorQ: values['condor-q'] ?? file.condorQ ?? DEFAULT_PATHS.condorQ,
      cloudStatus: values['cloud-status'] ?? file.cloudStatus ?? DEFAULT_PATHS.cloudStatus,
    },
    timeoutMs: (file.timeoutSeconds ?? 120) * 1000,
    loopSeconds: number('loop', values.loop) ?? file.loop,
    metrics: metrics as MetricsFormat | undefined,
  };
}
