import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { parse as parseYaml } from 'yaml';
import { type Config, ConfigSchema } from './schema.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ConfigInputs {
  file?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Flag values by key path, already named like the YAML keys (`port`, `dataDir`). */
  flags?: Record<string, string | undefined>;
}

interface LeafSchema {
  type?: string;
  properties?: Record<string, LeafSchema>;
  secret?: boolean;
}

const ENV_IGNORED = new Set(['CMON_CONFIG_FILE', 'CMON_REQUIRE_SERVICES']);

export function envName(path: string[]): string {
  return `CMON_${path.map((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()).join('_')}`;
}

function leaves(schema: LeafSchema, path: string[] = []): { path: string[]; schema: LeafSchema }[] {
  if (schema.type === 'object' && schema.properties) {
    return Object.entries(schema.properties).flatMap(([k, s]) => leaves(s, [...path, k]));
  }
  return [{ path, schema }];
}

const LEAVES = leaves(ConfigSchema as unknown as LeafSchema);

function coerce(raw: string, schema: LeafSchema, name: string): unknown {
  if (schema.type === 'integer' || schema.type === 'number') {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n))
      throw new ConfigError(`${name}: expected a number, got "${raw}"`);
    return n;
  }
  if (schema.type === 'boolean') {
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    throw new ConfigError(`${name}: expected true or false, got "${raw}"`);
  }
  return raw;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

function readFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`config file ${file}: ${(err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new ConfigError(`config file ${file}: invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc))
    throw new ConfigError(`config file ${file}: expected a mapping`);
  return doc as Record<string, unknown>;
}

/** File, then environment, then flags; validated against the schema; one clear error on the first bad key. */
export function loadConfig(inputs: ConfigInputs = {}): Config {
  const env = inputs.env ?? process.env;
  const file = inputs.file ?? env.CMON_CONFIG_FILE;
  const raw: Record<string, unknown> = file ? readFile(file) : {};

  const known = new Set(LEAVES.map((l) => envName(l.path)));
  for (const name of Object.keys(env)) {
    if (name.startsWith('CMON_') && !known.has(name) && !ENV_IGNORED.has(name)) {
      throw new ConfigError(`${name}: unknown setting`);
    }
  }
  for (const leaf of LEAVES) {
    const name = envName(leaf.path);
    const value = env[name];
    if (value !== undefined && value !== '') setPath(raw, leaf.path, coerce(value, leaf.schema, name));
  }
  for (const [key, value] of Object.entries(inputs.flags ?? {})) {
    if (value === undefined) continue;
    const leaf = LEAVES.find((l) => l.path.join('.') === key);
    if (!leaf) throw new ConfigError(`--${key}: unknown setting`);
    setPath(raw, leaf.path, coerce(value, leaf.schema, `--${key}`));
  }

  const withDefaults = Value.Default(ConfigSchema, raw) as Record<string, unknown>;
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  const first = errors.find((e) => e.keyword !== 'additionalProperties') ?? errors[0];
  if (first) {
    const key = first.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(root)';
    const reason = first.keyword === 'boolean' ? 'unknown setting' : first.message;
    throw new ConfigError(`config key ${key}: ${reason}`);
  }
  return withDefaults as Config;
}

/** The effective config for one log line, secrets masked. */
export function describeConfig(config: Config): Record<string, unknown> {
  const out = structuredClone(config) as Record<string, unknown>;
  for (const leaf of LEAVES) {
    if (!leaf.schema.secret) continue;
    let node: Record<string, unknown> | undefined = out;
    for (const k of leaf.path.slice(0, -1)) node = node?.[k] as Record<string, unknown> | undefined;
    const last = leaf.path[leaf.path.length - 1] as string;
    if (node && node[last] !== undefined) node[last] = '***';
  }
  return out;
}
