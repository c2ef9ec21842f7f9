import { describe, expect, it } from 'vitest';
import {
  mergeTextStatus,
  parseCloudStatusClouds,
  parseCloudStatusJson,
  parseCloudStatusVms,
} from '../../collector/cloud-status.js';
import {
  condorQArgs,
  condorStatusArgs,
  parseClassAdJson,
  parseJobs,
  parseSlots,
} from '../../collector/condor.js';
import { sample } from '../../collector/samples.js';
import type { GridSnapshot } from '../../sources/grid/snapshot.js';
import { summarize } from '../../sources/grid/summary.js';
import { formatReal } from './classad-json.js';
import { execTool } from './exec.js';
import type { GridState } from './model.js';
import { GridSim } from './sim.js';

/** What the collector would build from the fake commands' output, in process. */
function snapshotFrom(state: GridState, text = false): GridSnapshot {
  const slots = parseSlots(
    parseClassAdJson(execTool(state, 'condor_status', condorStatusArgs()).stdout, 'cs'),
  );
  const jobs = parseJobs(parseClassAdJson(execTool(state, 'condor_q', condorQArgs()).stdout, 'cq'));
  const cloud = text
    ? mergeTextStatus(
        parseCloudStatusClouds(execTool(state, 'cloud_status', ['-a']).stdout),
        parseCloudStatusVms(execTool(state, 'cloud_status', ['-m']).stdout),
      )
    : parseCloudStatusJson(execTool(state, 'cloud_status', ['-a', '-j']).stdout);
  expect([slots.skipped, jobs.skipped, cloud.skipped]).toEqual([[], [], []]);
  return {
    version: 1,
    grid: 'g1',
    snapshotId: '0a4d6c2e-8f1b-4f3e-a5c7-1e9d2b3c4f50',
    collectedAt: state.clock * 1000,
    collector: { version: 't', host: 'h' },
    sysinfo: {
      load1: 0,
      load5: 0,
      load15: 0,
      cpus: 1,
      memTotal: 0,
      memFree: 0,
      swapTotal: 0,
      swapFree: 0,
      diskTotal: 0,
      diskFree: 0,
    },
    clouds: cloud.clouds,
    vms: cloud.vms,
    slots: slots.items,
    jobs: jobs.items,
  };
}

describe('GridSim', () => {
  it('is reproducible from its seed', () => {
    const a = GridSim.create({ seed: 7, vms: 30, jobs: 200 });
    const b = GridSim.create({ seed: 7, vms: 30, jobs: 200 });
    a.step(300);
    b.step(300);
    expect(a.state).toEqual(b.state);
    expect(GridSim.create({ seed: 8, vms: 30, jobs: 200 }).state).not.toEqual(
      GridSim.create({ seed: 7, vms: 30, jobs: 200 }).state,
    );
  });

  it('evolves: VMs boot and retire, jobs start, finish and are replaced', () => {
    const sim = GridSim.create({ seed: 3, vms: 60, jobs: 600 });
    const before = sim.truth();
    const firstIds = new Set(sim.state.jobs.map((j) => j.cluster));
    for (let i = 0; i < 240; i++) sim.step(60);
    const after = sim.truth();
    expect(after.jobs.completed + after.jobs.running).toBeGreaterThan(0);
    expect(sim.state.jobs.some((j) => !firstIds.has(j.cluster))).toBe(true);
    expect(after).not.toEqual(before);
    expect(sim.state.vms.length).toBeLessThanOrEqual(60);
  });

  it.each([
    [1, 10],
    [11, 100],
    [5, 1000],
  ])(
    'seed %i: collector parsers + summarize agree with the simulation’s own truth (%i jobs)',
    (seed, jobs) => {
      const sim = GridSim.create({ seed, vms: Math.ceil(jobs / 5), jobs, clouds: 3 });
      for (let i = 0; i < 5; i++) {
        expect(summarize(snapshotFrom(sim.state), sim.state.clock * 1000, 60_000)).toEqual(sim.truth('g1'));
        sim.step(600);
      }
    },
  );

  it('the -a/-m text fallback gives the same numbers as -aj', () => {
    const sim = GridSim.create({ seed: 5, vms: 40, jobs: 300 });
    sim.step(60);
    expect(summarize(snapshotFrom(sim.state, true), 0, 1e12)).toEqual(
      summarize(snapshotFrom(sim.state), 0, 1e12),
    );
  });
});

describe('fake commands print the real layouts', () => {
  const sim = GridSim.create({ seed: 2, vms: 4, jobs: 6 });

  it('-json: "[", ads separated by a comma alone on its line, "]", sorted attributes, reals with a dot', () => {
    const out = execTool(sim.state, 'condor_status', ['-json']).stdout;
    expect(out.startsWith('[\n{\n  "Activity": ')).toBe(true);
    expect(out.endsWith('\n}\n]\n')).toBe(true);
    expect(out).toContain('\n}\n,\n{\n');
    expect(out).toContain('"Rank": 0.0,');
    expect(out).toContain('"Requirements": "\\/Expr(START && (WithinResourceLimits))\\/"');
    const names = [...(out.split('\n,\n')[0]?.matchAll(/^ {2}"([^"]+)":/gm) ?? [])].map(
      (m) => m[1] as string,
    );
    expect(names).toEqual([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
  });

  it('the same ad layout as the reference sample', () => {
    const ref = sample('condor_q.json');
    const ours = execTool(sim.state, 'condor_q', ['-allusers', '-json']).stdout;
    const shape = (t: string) => t.replace(/: .*$/gm, ':').split('\n').slice(0, 3).join('\n');
    expect(shape(ours)).toBe(shape(ref));
  });

  it('nothing at all for an empty queue; only the invoking user without -allusers', () => {
    const empty = GridSim.create({ seed: 1, vms: 0, jobs: 0 });
    expect(execTool(empty.state, 'condor_q', ['-allusers', '-json'])).toEqual({
      stdout: '',
      stderr: '',
      code: 0,
    });
    expect(execTool(empty.state, 'condor_status', ['-json']).stdout).toBe('');
    expect(execTool(sim.state, 'condor_q', ['-json']).stdout).toBe('');
  });

  it('-attributes projects case-insensitively, keeping the ad’s spelling', () => {
    const out = execTool(sim.state, 'condor_q', [
      '-allusers',
      '-json',
      '-attributes',
      'clusterid,PROCID',
    ]).stdout;
    expect(out.split('\n,\n')[0]).toMatch(/^\[\n\{\n {2}"ClusterId": \d+,\n {2}"ProcId": 0\n\}$/);
  });

  it('cloud_status -aj is one Python-style JSON line; -m has the sample header and total line', () => {
    const aj = execTool(sim.state, 'cloud_status', ['-a', '-j']).stdout;
    expect(aj).toMatch(/^\{"resources": \[\{"errorconnect": null, "cloud_type": /);
    expect(aj.endsWith('}\n')).toBe(true);
    expect(aj.split('\n')).toHaveLength(2);
    const m = execTool(sim.state, 'cloud_status', ['-m']).stdout;
    expect(m.split('\n')[0]).toBe(sample('cloud_status_m.txt').split('\n')[0]);
    expect(m).toMatch(/\n\nTotal VMs: \d+\. Total Clouds: 3\n$/);
  });

  it.each([
    [0, '0.0'],
    [8, '8.0'],
    [1.02, '1.02'],
    [29308, '29308.0'],
    [0.1 + 0.2, '0.3'],
    [1e20, '1E+20'],
  ])('real %d is written %s', (v, text) => {
    expect(formatReal(v)).toBe(text);
  });

  it('faults: fail like the real tools, print nothing, or garbage', () => {
    const s = GridSim.create({ seed: 1, vms: 2, jobs: 2 });
    s.setFault('cloud_status', 'fail');
    s.setFault('condor_q', 'fail');
    s.setFault('condor_status', 'garbage');
    expect(execTool(s.state, 'cloud_status', ['-a', '-j'])).toEqual({
      stdout: sample('cloud_status_down.txt'),
      stderr: '',
      code: 1,
    });
    expect(execTool(s.state, 'condor_q', ['-json'])).toMatchObject({
      stdout: '',
      code: 1,
      stderr: expect.stringContaining('-- Failed to fetch ads from:'),
    });
    expect(() => JSON.parse(execTool(s.state, 'condor_status', ['-json']).stdout)).toThrow();
    s.setFault('condor_q', 'empty');
    expect(execTool(s.state, 'condor_q', ['-allusers', '-json'])).toEqual({
      stdout: '',
      stderr: '',
      code: 0,
    });
  });
});
