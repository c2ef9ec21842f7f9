import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../src/util/package-root.js';
import { tempDir } from './helpers/app.js';

const BIN = join(packageRoot(), 'bin', 'cmon.js');
const cleanEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CMON_')));

function cmon(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...cleanEnv(), ...env },
    timeout: 20_000,
  });
}

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

/** Starts the built `cmon` and resolves with the first stdout line matching `pattern`. */
function startCmon(
  args: string[],
  pattern: RegExp,
  env: Record<string, string> = {},
): Promise<RegExpMatchArray> {
  const proc = spawn(process.execPath, [BIN, ...args], {
    env: { ...cleanEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${out}`)), 20_000);
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    proc.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    proc.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

describe('the cmon command', () => {
  it('lists its commands and each has --help', () => {
    const top = cmon(['--help']);
    expect(top.status).toBe(0);
    for (const c of ['serve', 'demo', 'sim rackspace']) expect(top.stdout).toContain(c);
    for (const args of [
      ['serve', '--help'],
      ['demo', '--help'],
      ['sim', '--help'],
      ['sim', 'rackspace', '--help'],
    ]) {
      const r = cmon(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/Usage: cmon/);
    }
  });

  it('refuses an unknown command', () => {
    const r = cmon(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });

  it.each([
    [['serve', '--port', 'eighty'], {}, '--port: expected a number'],
    [['serve'], { CMON_PORT: '99999' }, 'config key port'],
    [['serve'], { CMON_LOG_LEVL: 'info' }, 'CMON_LOG_LEVL: unknown setting'],
    [['serve', '--config', '/nonexistent/cmon.yaml'], {}, 'config file /nonexistent/cmon.yaml'],
    [['serve', '--bogus'], {}, "Unknown option '--bogus'"],
  ])('stops on a bad setting %j with one line naming it', (args, env, message) => {
    const r = cmon(args, { CMON_DATA_DIR: tempDir(), ...env });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('serves the API from the built binary', async () => {
    const m = await startCmon(
      ['serve', '--port', '0', '--data', tempDir()],
      /listening at (http:\/\/127\.0\.0\.1:\d+)/,
    );
    const res = await fetch(`${m[1]}/api/v1/health`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('prints the simulator accounts as one JSON line', async () => {
    const m = await startCmon(
      ['sim', 'rackspace', '--accounts', '2', '--servers', '3', '--port', '0'],
      /^(\{.*\})$/m,
    );
    const info = JSON.parse(m[1] as string) as {
      identityUrl: string;
      accounts: { username: string; apiKey: string }[];
    };
    expect(info.accounts).toHaveLength(2);
    const a = info.accounts[0];
    const res = await fetch(`${info.identityUrl}/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: { 'RAX-KSKEY:apiKeyCredentials': { username: a?.username, apiKey: a?.apiKey } },
      }),
    });
    expect(res.status).toBe(200);
  });

  it('runs the demo: a board of simulated accounts that fills up', async () => {
    const m = await startCmon(
      ['demo', '--port', '0', '--accounts', '2', '--servers', '5', '--data', tempDir()],
      /cmon demo is running: open (http:\/\/\S+)\//,
    );
    const deadline = Date.now() + 15_000;
    for (;;) {
      const o = (await (await fetch(`${m[1]}/api/v1/overview`)).json()) as {
        sources: { status: { state: string }; entities: unknown[] }[];
      };
      if (
        o.sources.length === 2 &&
        o.sources.every((s) => s.status.state === 'ok' && s.entities.length === 5)
      )
        break;
      if (Date.now() > deadline)
        throw new Error(`demo board did not fill: ${JSON.stringify(o).slice(0, 300)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });
});
