import { describe, expect, it } from 'vitest';
import { parseSimArgs, runRackspaceSim } from './cli.js';

describe('parseSimArgs', () => {
  it('has defaults suited to a demo', () => {
    expect(parseSimArgs([])).toEqual({
      accounts: 3,
      servers: 50,
      seed: 42,
      port: 0,
      host: '127.0.0.1',
      changeIntervalMs: 5000,
    });
  });
  it('reads every flag', () => {
    const argv = [
      '--accounts',
      '10',
      '--servers',
      '1000',
      '--seed',
      '9',
      '--port',
      '8081',
      '--host',
      '0.0.0.0',
    ];
    expect(parseSimArgs([...argv, '--change-interval-ms', '0'])).toEqual({
      accounts: 10,
      servers: 1000,
      seed: 9,
      port: 8081,
      host: '0.0.0.0',
      changeIntervalMs: 0,
    });
  });
  it('returns undefined for --help and rejects nonsense', () => {
    expect(parseSimArgs(['--help'])).toBeUndefined();
    expect(() => parseSimArgs(['--accounts', 'many'])).toThrow(
      '--accounts must be an integer >= 1, got "many"',
    );
    expect(() => parseSimArgs(['--bogus'])).toThrow();
  });
});

describe('runRackspaceSim', () => {
  it('prints one JSON line with working credentials and stops on SIGTERM', async () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    let running: Promise<void>;
    try {
      running = runRackspaceSim(['--accounts', '2', '--servers', '3', '--change-interval-ms', '0']);
      while (lines.length === 0) await new Promise((r) => setTimeout(r, 5));
    } finally {
      process.stdout.write = write;
    }
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] ?? '') as { identityUrl: string; accounts: Record<string, string>[] };
    expect(out.accounts).toHaveLength(2);
    expect(Object.keys(out.accounts[0] ?? {}).sort()).toEqual([
      'apiKey',
      'name',
      'password',
      'tenantId',
      'username',
    ]);
    const { username, apiKey } = out.accounts[0] ?? {};
    const res = await fetch(`${out.identityUrl}/tokens`, {
      method: 'POST',
      body: JSON.stringify({ auth: { 'RAX-KSKEY:apiKeyCredentials': { username, apiKey } } }),
    });
    expect(res.status).toBe(200);
    process.emit('SIGTERM');
    await running;
  });
});
