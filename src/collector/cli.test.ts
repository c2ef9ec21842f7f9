import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type InitializedGrid, initGrid } from '../sim/grid/index.js';
import { compiledLauncher } from '../sim/grid/testing.js';
import { validateSnapshot } from '../sources/grid/snapshot.js';
import { summarize } from '../sources/grid/summary.js';
import { runCollect } from './cli.js';

/** A tiny ingest server speaking the contract: 202 accepted, 200 duplicate, 4xx {code,message}, 503. */
interface Ingest {
  url: string;
  mode: 'accept' | 'unavailable' | 'invalid' | 'unauthorized';
  received: { auth: string | undefined; body: string }[];
  server: Server;
}

function startIngest(): Promise<Ingest> {
  const ingest: Ingest = { url: '', mode: 'accept', received: [], server: createServer() };
  const seen = new Set<string>();
  ingest.server.on('request', (req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.url !== '/api/v1/ingest/grid' || req.method !== 'POST')
        return answer(404, { code: 'CMON_ERR_NOT_FOUND', message: 'no route' });
      if (ingest.mode === 'unavailable')
        return answer(503, { code: 'CMON_ERR_UNAVAILABLE', message: 'store busy' });
      if (ingest.mode === 'unauthorized')
        return answer(401, { code: 'CMON_ERR_AUTH', message: 'token not valid' });
      if (ingest.mode === 'invalid')
        return answer(400, { code: 'CMON_ERR_VALIDATION', message: '/jobs/0/status: bad' });
      const parsed = validateSnapshot(JSON.parse(body));
      if (!parsed.ok) return answer(400, { code: 'CMON_ERR_VALIDATION', message: parsed.error });
      ingest.received.push({ auth: req.headers.authorization, body });
      if (seen.has(parsed.value.snapshotId)) return answer(200, { status: 'duplicate' });
      seen.add(parsed.value.snapshotId);
      answer(202, { status: 'accepted' });
    });
  });
  return new Promise((resolve) =>
    ingest.server.listen(0, '127.0.0.1', () => {
      ingest.url = `http://127.0.0.1:${(ingest.server.address() as AddressInfo).port}`;
      resolve(ingest);
    }),
  );
}

let ingest: Ingest;
let grid: InitializedGrid;
let launcher: string[];
const TOKEN = 'cmon_tok_supersecret_123';

beforeAll(async () => {
  ingest = await startIngest();
  launcher = compiledLauncher();
});
afterAll(() => new Promise<void>((done) => ingest.server.close(() => done())));

beforeEach(() => {
  ingest.mode = 'accept';
  ingest.received = [];
  grid = initGrid(mkdtempSync(join(os.tmpdir(), 'cmon-grid-')), { seed: 4, vms: 20, jobs: 150 }, launcher);
});

function setFaults(
  faults: Partial<Record<'condor_q' | 'condor_status' | 'cloud_status', 'fail' | 'empty' | 'garbage'>>,
) {
  for (const [tool, fault] of Object.entries(faults)) grid.sim.setFault(tool as 'condor_q', fault);
  grid.sim.save(grid.dir);
}

async function collect(extra: string[] = [], spool = join(grid.dir, 'spool')) {
  let out = '';
  let err = '';
  const args = [
    '--grid',
    'g1',
    '--server',
    ingest.url,
    '--token',
    TOKEN,
    '--spool',
    spool,
    '--condor-status',
    grid.bin.condor_status,
    '--condor-q',
    grid.bin.condor_q,
    '--cloud-status',
    grid.bin.cloud_status,
    ...extra,
  ];
  const code = await runCollect(args, {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
  });
  const [line = '', ...rest] = out.split('\n');
  return { code, line, rest: rest.join('\n'), out, err, spool };
}

describe('cmon collect over HTTP against the simulated grid', () => {
  it('0 OK: one line, the snapshot delivered with the bearer token, numbers equal the simulation', async () => {
    const r = await collect();
    const truth = grid.sim.truth('g1');
    expect(r).toMatchObject({
      code: 0,
      line: `OK: grid g1: ${truth.jobs.total} jobs, ${truth.vms.total} VMs sent via http`,
      rest: '',
    });
    expect(ingest.received).toHaveLength(1);
    expect(ingest.received[0]?.auth).toBe(`Bearer ${TOKEN}`);
    const snap = JSON.parse(ingest.received[0]?.body ?? '{}');
    expect(validateSnapshot(snap).ok).toBe(true);
    expect(snap.partial).toBeUndefined();
    const summary = summarize(snap, snap.collectedAt, 60_000);
    expect({ ...summary, collectedAt: 0 }).toEqual({ ...truth, collectedAt: 0 });
    expect(r.out).not.toContain(TOKEN);
  });

  it('1 WARNING: partial data when one command fails, with its message', async () => {
    setFaults({ condor_q: 'fail' });
    const r = await collect();
    expect(r.code).toBe(1);
    expect(r.line).toMatch(
      /^WARNING: grid g1: 0 jobs, \d+ VMs sent via http; partial: condor_q: condor_q exited 1: -- Failed to fetch ads from/,
    );
    expect(JSON.parse(ingest.received[0]?.body ?? '{}').partial.condor_q).toMatch(/^condor_q exited 1/);
  });

  it('1 WARNING: cloud_status server down is partial data, named plainly', async () => {
    setFaults({ cloud_status: 'fail' });
    const r = await collect();
    expect(r.code).toBe(1);
    expect(r.line).toContain(
      "partial: cloud_status: cloud_status: /usr/local/bin/cloud_status: couldn't connect to cloud scheduler",
    );
  });

  it('1 WARNING: garbage output is a parse error naming the command', async () => {
    setFaults({ condor_status: 'garbage' });
    const r = await collect();
    expect(r.code).toBe(1);
    expect(r.line).toContain('partial: condor_status: condor_status -json: output is not JSON');
  });

  it('0 OK: empty outputs are an empty pool and queue, not an error', async () => {
    setFaults({ condor_q: 'empty', condor_status: 'empty' });
    const r = await collect();
    expect(r.code).toBe(0);
    expect(r.line).toMatch(/^OK: grid g1: 0 jobs, \d+ VMs sent via http$/);
  });

  it('2 CRITICAL: every command failed, nothing sent', async () => {
    setFaults({ condor_q: 'fail', condor_status: 'fail', cloud_status: 'fail' });
    const r = await collect();
    expect(r.code).toBe(2);
    expect(r.line).toMatch(/^CRITICAL: grid g1: no data collected: condor_status: /);
    expect(ingest.received).toEqual([]);
  });

  it('2 CRITICAL then 1 WARNING: server down spools; the next run replays oldest first, then sends', async () => {
    ingest.mode = 'unavailable';
    const a = await collect();
    grid.sim.step(60);
    grid.sim.save(grid.dir);
    const b = await collect();
    expect(a.code).toBe(2);
    expect(a.line).toMatch(
      /^CRITICAL: grid g1: .* not sent via http: server error: CMON_ERR_UNAVAILABLE: store busy \(HTTP 503\); spooled \(1 waiting in /,
    );
    expect(b.line).toContain('spooled (2 waiting in');
    expect(readdirSync(a.spool).filter((f) => f.endsWith('.json'))).toHaveLength(2);
    ingest.mode = 'accept';
    const c = await collect();
    expect(c.code).toBe(1);
    expect(c.line).toMatch(/^WARNING: grid g1: .* sent via http; replayed 2 spooled snapshots$/);
    const times = ingest.received.map((x) => JSON.parse(x.body).collectedAt as number);
    expect(times).toHaveLength(3);
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(readdirSync(c.spool).filter((f) => f.endsWith('.json'))).toEqual([]);
  });

  it('2 CRITICAL: unreachable server', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', () => done()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const r = await collect(['--server', `http://127.0.0.1:${port}`]);
    expect(r.code).toBe(2);
    expect(r.line, r.line).toMatch(/not sent via http: server unreachable: ECONNREFUSED; spooled/);
  });

  it('2 CRITICAL: a 400 is a rejection, with the server message, and is not spooled', async () => {
    ingest.mode = 'invalid';
    const r = await collect();
    expect(r.code).toBe(2);
    expect(r.line).toMatch(
      /not sent via http: snapshot rejected: CMON_ERR_VALIDATION: \/jobs\/0\/status: bad \(HTTP 400\)$/,
    );
    expect(readdirSync(r.spool).filter((f) => f.endsWith('.json'))).toEqual([]);
  });

  it('2 CRITICAL: a refused token keeps the snapshot for when the token is fixed; never prints the token', async () => {
    ingest.mode = 'unauthorized';
    const r = await collect();
    expect(r.code).toBe(2);
    expect(r.line).toContain('token refused: CMON_ERR_AUTH: token not valid (HTTP 401)');
    expect(r.out + r.err).not.toContain(TOKEN);
    expect(readdirSync(r.spool).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });

  it('1 WARNING: a spool over its bound drops the oldest and says so', async () => {
    const cfg = join(grid.dir, 'collect.yml');
    writeFileSync(cfg, 'spoolMaxFiles: 1\n');
    ingest.mode = 'unavailable';
    await collect(['--config', cfg]);
    const b = await collect(['--config', cfg]);
    expect(b.line).toContain('dropped 1 beyond 1 files from spool');
    ingest.mode = 'accept';
    const c = await collect(['--config', cfg]);
    expect(c.code).toBe(1);
    expect(c.line).toContain('replayed 1 spooled snapshot');
  });

  it.each(['prometheus', 'graphite'] as const)(
    '--metrics %s: metric lines after the status line',
    async (format) => {
      const r = await collect(['--metrics', format]);
      expect(r.code).toBe(0);
      const lines = r.rest.trim().split('\n');
      if (format === 'prometheus') {
        expect(lines).toContain('# TYPE cmon_grid_jobs gauge');
        expect(lines.some((l) => /^cmon_grid_jobs\{grid="g1",status="total"\} 150 \d{13}$/.test(l))).toBe(
          true,
        );
      } else {
        expect(lines.some((l) => /^cmon\.grids\.g1\.jobs\.total 150 \d{10}$/.test(l))).toBe(true);
        expect(lines.every((l) => /^\S+ \d+(\.\d+)? \d{10}$/.test(l))).toBe(true);
      }
    },
  );

  it('--loop runs every N seconds until stopped', async () => {
    const ctl = new AbortController();
    let out = '';
    const done = runCollect(
      [
        '--grid',
        'g1',
        '--server',
        ingest.url,
        '--token',
        TOKEN,
        '--spool',
        join(grid.dir, 'spool'),
        '--condor-status',
        grid.bin.condor_status,
        '--condor-q',
        grid.bin.condor_q,
        '--cloud-status',
        grid.bin.cloud_status,
        '--loop',
        '1',
      ],
      {
        stdout: (t) => {
          out += t;
        },
        stderr: () => {},
        signal: ctl.signal,
      },
    );
    while (ingest.received.length < 2) await new Promise((r) => setTimeout(r, 50));
    ctl.abort();
    expect(await done).toBe(0);
    expect(out.split('\n').filter((l) => l.startsWith('OK: ')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('3 UNKNOWN: usage and config errors, one line', () => {
  const unknown = async (args: string[]) => {
    let out = '';
    const code = await runCollect(args, {
      stdout: (t) => {
        out += t;
      },
    });
    return { code, out };
  };

  it.each([
    [[], /^UNKNOWN: nowhere to send/],
    [['--server', 'http://x'], /^UNKNOWN: --server needs --token/],
    [
      ['--amqp', 'amqp://a', '--server', 'http://x', '--token', 't'],
      /^UNKNOWN: give either --amqp or --server/,
    ],
    [['--amqp', 'http://x'], /^UNKNOWN: --amqp: expected an amqp/],
    [['--amqp', 'amqp://x', '--loop', '0'], /^UNKNOWN: --loop: expected a whole number >= 1/],
    [['--amqp', 'amqp://x', '--metrics', 'influx'], /^UNKNOWN: --metrics: expected graphite or prometheus/],
    [['--amqp', 'amqp://x', '--grid', 'a b'], /^UNKNOWN: --grid: "a b" is not a valid grid name/],
    [['--bogus'], /^UNKNOWN: Unknown option '--bogus'/],
    [
      ['--amqp', 'amqp://x', '--config', '/nonexistent/c.yml'],
      /^UNKNOWN: config file \/nonexistent\/c.yml: ENOENT/,
    ],
  ])('%j', async (args, pattern) => {
    const r = await unknown(args);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(pattern);
    expect(r.out.trim().split('\n')).toHaveLength(1);
  });

  it('an unknown config key is named', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'cmon-cfg-'));
    writeFileSync(join(dir, 'c.yml'), 'amqp: amqp://x\nspoolMaxFile: 3\n');
    const r = await unknown(['--config', join(dir, 'c.yml')]);
    expect(r).toEqual({
      code: 3,
      out: expect.stringMatching(/^UNKNOWN: config file .*c\.yml: spoolMaxFile: unknown setting\n$/),
    });
  });

  it('--help prints usage and exits 0', async () => {
    const r = await unknown(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: cmon collect/);
  });
});
