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

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const TEST_ADMIN_PASSWORD = 'test-admin-password-1';
/** Headers for an admin request with the bootstrap token. */
export const ADMIN = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } as const;

/** fetch with the admin bearer token and, for a body, a JSON content type. */
export function adminFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = {
    ...ADMIN,
    ...(init.body ? { 'content-type': 'application/json' } : {}),
  };
  return fetch(url, {
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string> | undefined) },
  });
}

/**
 * A real server on a temp data dir, quiet unless CMON_TEST_LOG is set. It has the bootstrap admin
 * token and a first admin "admin" with TEST_ADMIN_PASSWORD unless `env` says otherwise.
 */
export async function makeTestApp(
  env: Record<string, string> = {},
  opts: { now?: () => number; logStream?: NodeJS.WritableStream } = {},
): Promise<{ app: App; config: Config }> {
  const config = loadConfig({
    env: {
      CMON_DATA_DIR: tempDir(),
      CMON_PORT: '0',
      CMON_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      CMON_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      ...env,
    },
  });
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
