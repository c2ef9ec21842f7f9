import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runGridSim } from './cli.js';
import { GridSim } from './sim.js';

function capture() {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, cb?: unknown) => {
    out += String(chunk);
    if (typeof cb === 'function') cb();
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array, cb?: unknown) => {
    err += String(chunk);
    if (typeof cb === 'function') cb();
    return true;
  });
  return { out: () => out, err: () => err };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cmon sim grid', () => {
  it('init writes the state and three executable wrappers calling `sim grid exec`', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'cmon-simcli-'));
    const io = capture();
    expect(
      await runGridSim(['init', '--dir', dir, '--seed', '3', '--vms', '10', '--jobs', '40', '--clouds', '2']),
    ).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ dir, condor_q: join(dir, 'bin', 'condor_q') });
    const wrapper = readFileSync(join(dir, 'bin', 'condor_q'), 'utf8');
    expect(wrapper).toMatch(
      /^#!\/bin\/sh\nexec '.*node.*' '.*bin\/cmon\.js' 'sim' 'grid' 'exec' 'condor_q' '--dir' '.*' '--' "\$@"\n$/,
    );
    expect(statSync(join(dir, 'bin', 'cloud_status')).mode & 0o111).toBe(0o111);
    expect(GridSim.load(dir).state.clouds).toHaveLength(2);
  });

  it('step, fault and exec work on the stored state', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'cmon-simcli-'));
    capture();
    await runGridSim(['init', '--dir', dir, '--vms', '5', '--jobs', '10']);
    const clock = GridSim.load(dir).state.clock;
    expect(await runGridSim(['step', '--dir', dir, '--seconds', '120', '--times', '2'])).toBe(0);
    expect(GridSim.load(dir).state.clock).toBe(clock + 240);
    expect(await runGridSim(['fault', '--dir', dir, 'condor_q=fail', 'cloud_status=garbage'])).toBe(0);
    expect(GridSim.load(dir).state.faults).toEqual({ condor_q: 'fail', cloud_status: 'garbage' });
    await runGridSim(['fault', '--dir', dir, 'condor_q=none']);
    expect(GridSim.load(dir).state.faults).toEqual({ cloud_status: 'garbage' });
    vi.restoreAllMocks();
    const io = capture();
    expect(await runGridSim(['exec', 'condor_q', '--dir', dir, '--', '-allusers', '-json'])).toBe(0);
    expect(io.out()).toMatch(/^\[\n\{\n {2}"AccountingGroup"/);
  });

  it('errors are one line on stderr, exit 2', async () => {
    const io = capture();
    expect(await runGridSim(['fault', '--dir', '/nonexistent', 'condor_q=boom'])).toBe(2);
    expect(await runGridSim(['exec', 'qstat', '--dir', '/x'])).toBe(2);
    expect(io.err()).toMatch(/^cmon sim grid: .*\ncmon sim grid: exec: unknown command "qstat"\n$/);
  });
});
