import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSecretBox } from '../src/auth/secrets.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import { packageRoot } from '../src/util/package-root.js';
import { ADMIN, makeTestApp, tempDir } from './helpers/app.js';
import { login } from './helpers/principals.js';

const BIN = join(packageRoot(), 'bin', 'cmon.js');
const cleanEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CMON_')));

function cmon(args: string[], env: Record<string, string> = {}, input = '') {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...cleanEnv(), ...env },
    timeout: 20_000,
    input,
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
    for (const c of ['serve', 'demo', 'sim rackspace', 'user', 'secrets rotate'])
      expect(top.stdout).toContain(c);
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

  it('runs the demo: a board of simulated accounts and grids that fills up', async () => {
    const m = await startCmon(
      ['demo', '--port', '0', '--accounts', '2', '--servers', '5', '--data', tempDir()],
      /cmon demo is running: open (http:\/\/\S+)\//,
    );
    const deadline = Date.now() + 30_000;
    for (;;) {
      const o = (await (await fetch(`${m[1]}/api/v1/overview`)).json()) as {
        sources: { type: string; status: { state: string }; entities: unknown[] }[];
      };
      const accounts = o.sources.filter((s) => s.type === 'rackspace');
      const grids = o.sources.filter((s) => s.type === 'grid');
      const filled =
        accounts.length === 2 &&
        accounts.every((s) => s.status.state === 'ok' && s.entities.length === 5) &&
        grids.length === 2 &&
        grids.every((s) => s.status.state === 'ok' && s.entities.length > 0);
      if (filled) break;
      if (Date.now() > deadline)
        throw new Error(`demo board did not fill: ${JSON.stringify(o).slice(0, 300)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });
});

describe('cmon user and cmon secrets', () => {
  it('adds, lists, re-passwords and removes users; the password comes from stdin, never an argument', async () => {
    const data = tempDir();
    const add = cmon(
      ['user', 'add', 'alice', '--role', 'operator', '--data', data],
      {},
      'alice-password-1\n',
    );
    expect(add.status, add.stderr).toBe(0);
    expect(cmon(['user', 'list', '--data', data]).stdout).toContain('alice\toperator');
    expect(cmon(['user', 'add', 'bob', '--role', 'god', '--data', data], {}, 'x\n').status).toBe(3);
    expect(cmon(['user', 'add', 'carl', '--role', 'viewer', '--data', data], {}, 'short\n').stderr).toMatch(
      /at least 8/,
    );
    expect(cmon(['user', 'passwd', 'alice', '--data', data], {}, 'alice-password-2\n').status).toBe(0);

    const { app } = await makeTestApp({ CMON_DATA_DIR: data });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await expect(login(base, 'alice', 'alice-password-1')).rejects.toThrow(/401/);
      expect((await login(base, 'alice', 'alice-password-2')).csrf).toBeTruthy();
    } finally {
      await app.close();
    }
    expect(cmon(['user', 'remove', 'alice', '--data', data]).status).toBe(0);
    expect(cmon(['user', 'list', '--data', data]).stdout).not.toContain('alice');
  });

  it('rotates the secret key file and the credentials still open', async () => {
    const data = tempDir();
    const { app } = await makeTestApp({ CMON_DATA_DIR: data });
    const added = await app.inject({
      method: 'POST',
      url: '/api/v1/sources',
      headers: ADMIN,
      payload: {
        type: 'rackspace',
        name: 'R',
        config: { username: 'u', apiKey: 'rotate-me-key', pollIntervalSec: 3600 },
      },
    });
    expect(added.statusCode).toBe(201);
    await app.close();
    const before = readFileSync(join(data, 'secret.key'), 'utf8');
    const r = cmon(['secrets', 'rotate', '--data', data]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('re-encrypted 1 credential');
    const after = readFileSync(join(data, 'secret.key'), 'utf8');
    expect(after).not.toBe(before);
    expect(statSync(join(data, 'secret.key')).mode & 0o777).toBe(0o600);
    const store = new SqliteStore(join(data, 'cmon.db'));
    await store.init();
    const [source] = await store.listSources();
    await store.close();
    expect(JSON.parse(loadSecretBox(data).open(source?.sealedSecret as string, source?.id))).toEqual({
      apiKey: 'rotate-me-key',
    });
  });
});
