import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/types.js';

export function tempDir(prefix = 'cmon-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real server on a temp data dir, quiet unless CMON_TEST_LOG is set. */
export async function makeTestApp(
  env: Record<string, string> = {},
  opts: { now?: () => number; logStream?: NodeJS.WritableStream } = {},
): Promise<{ app: App; config: Config }> {
  const config = loadConfig({ env: { CMON_DATA_DIR: tempDir(), CMON_PORT: '0', ...env } });
  const logger = opts.logStream
    ? { level: 'debug', stream: opts.logStream }
    : process.env.CMON_TEST_LOG
      ? { level: 'debug' }
      : false;
  const app = await buildApp({ config, logger, ...(opts.now ? { now: opts.now } : {}) });
  return { app, config };
}

type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

/** Waits until `check` returns a truthy value, polling; throws with `what` on timeout. */
export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as Truthy<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
