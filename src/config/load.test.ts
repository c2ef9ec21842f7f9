import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, envName, loadConfig } from './load.js';

function yamlFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cmon-config-'));
  const file = join(dir, 'cmon.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({ env: {} });
    expect(c.port).toBe(8080);
    expect(c.host).toBe('127.0.0.1');
    expect(c.dataDir).toBe('./data');
    expect(c.rackspace.maxConcurrentRequests).toBe(16);
  });

  it('layers file < env < flags', () => {
    const file = yamlFile('port: 9000\nhost: 0.0.0.0\nrackspace:\n  maxConcurrentRequests: 4\n');
    const c = loadConfig({ file, env: { CMON_PORT: '9100' }, flags: { port: '9200' } });
    expect(c.port).toBe(9200);
    expect(c.host).toBe('0.0.0.0');
    expect(c.rackspace.maxConcurrentRequests).toBe(4);
    const e = loadConfig({
      file,
      env: { CMON_RACKSPACE_MAX_CONCURRENT_REQUESTS: '2', CMON_DATA_DIR: '/tmp/x' },
    });
    expect(e.rackspace.maxConcurrentRequests).toBe(2);
    expect(e.dataDir).toBe('/tmp/x');
  });

  it('reads the file named by CMON_CONFIG_FILE', () => {
    const file = yamlFile('port: 9300\n');
    expect(loadConfig({ env: { CMON_CONFIG_FILE: file } }).port).toBe(9300);
  });

  it.each([
    [{ file: 'port: 70000\n' }, /config key port: /],
    [{ file: 'prot: 80\n' }, /config key prot: unknown setting/],
    [{ file: 'rackspace:\n  maxConcurent: 3\n' }, /config key rackspace.maxConcurent: unknown setting/],
    [{ file: 'logLevel: loud\n' }, /config key logLevel/],
    [{ file: 'port: [1\n' }, /invalid YAML/],
    [{ env: { CMON_PORT: 'eighty' } }, /CMON_PORT: expected a number, got "eighty"/],
    [{ env: { CMON_PROT: '1' } }, /CMON_PROT: unknown setting/],
    [{ flags: { port: 'x' } }, /--port: expected a number/],
    [{ env: { CMON_ADMIN_TOKEN: 'short' } }, /config key adminToken/],
  ])('rejects %j with one line naming the key', (input, message) => {
    const { file, ...rest } = input as {
      file?: string;
      env?: Record<string, string>;
      flags?: Record<string, string>;
    };
    const run = () => loadConfig({ env: {}, ...rest, ...(file ? { file: yamlFile(file) } : {}) });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('names env variables in upper snake case', () => {
    expect(envName(['dataDir'])).toBe('CMON_DATA_DIR');
    expect(envName(['rackspace', 'requestTimeoutSec'])).toBe('CMON_RACKSPACE_REQUEST_TIMEOUT_SEC');
  });

  it('masks secrets when describing the config', () => {
    const c = loadConfig({ env: { CMON_ADMIN_TOKEN: 'a-very-secret-token-123', CMON_SECRET_KEY: 'k' } });
    const text = JSON.stringify(describeConfig(c));
    expect(text).not.toContain('a-very-secret-token-123');
    expect(text).toContain('"adminToken":"***"');
  });
});
