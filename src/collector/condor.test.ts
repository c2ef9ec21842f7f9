import { describe, expect, it } from 'vitest';
import {
  condorQArgs,
  condorStatusArgs,
  exprText,
  JOB_ATTRIBUTES,
  jobStatusOf,
  jobVmType,
  parseClassAdJson,
  parseJobs,
  parseSlots,
  SLOT_ATTRIBUTES,
  slotMachine,
} from './condor.js';
import { CommandError } from './errors.js';
import { sample } from './samples.js';

describe('condor_status -json sample', () => {
  const { items, skipped } = parseSlots(
    parseClassAdJson(sample('condor_status.json'), 'condor_status -json'),
  );

  it('reads every slot, static, partitionable and dynamic', () => {
    expect(skipped).toEqual([]);
    expect(items.map((s) => [s.name, s.state, s.activity, s.vmtype, s.cpus, s.memory])).toEqual([
      [
        'slot1@uvic-west-0a4d6c2e-8f1b-4f3e-a5c7-1e9d2b3c4f50.novalocal',
        'Claimed',
        'Busy',
        'belle-worker',
        1,
        2000,
      ],
      [
        'slot1@uvic-west-5d7e9f1a-2b3c-4d5e-8f9a-0b1c2d3e4f6a.novalocal',
        'Claimed',
        'Retiring',
        'belle-worker',
        1,
        2000,
      ],
      [
        'slot1@cc-east-7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d.novalocal',
        'Unclaimed',
        'Idle',
        'atlas-mcore',
        0,
        2096,
      ],
      [
        'slot1_1@cc-east-7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d.novalocal',
        'Claimed',
        'Busy',
        'atlas-mcore',
        8,
        28000,
      ],
    ]);
    expect(items[0]?.machine).toBe('uvic-west-0a4d6c2e-8f1b-4f3e-a5c7-1e9d2b3c4f50.novalocal');
  });
});

describe('condor_q -allusers -json sample', () => {
  const { items, skipped } = parseJobs(parseClassAdJson(sample('condor_q.json'), 'condor_q -json'));

  it('reads ids, owners, statuses, VM types from Requirements, times in ms', () => {
    expect(skipped).toEqual([]);
    expect(items.map((j) => [j.id, j.owner, j.status, j.vmtype, j.accountingGroup])).toEqual([
      ['1234.0', 'belle', 'running', 'belle-worker', 'group_prod.belle'],
      ['1235.0', 'belle', 'idle', 'belle-worker', 'group_prod.belle'],
      ['5678.0', 'atlas', 'running', 'atlas-mcore', 'group_mcore.atlas'],
      ['5679.0', 'atlas', 'held', 'atlas-mcore', 'group_mcore.atlas'],
    ]);
    expect(items[0]).toMatchObject({
      queueDate: 1502300000_000,
      statusTime: 1502300150_000,
      remoteHost: 'slot1@uvic-west-0a4d6c2e-8f1b-4f3e-a5c7-1e9d2b3c4f50.novalocal',
      lastRemoteHost: null,
      holdReason: null,
    });
    expect(items[3]?.holdReason).toBe('via condor_hold (by user atlas)');
  });

  it('an empty queue prints nothing at all, which is no jobs', () => {
    expect(sample('condor_q_empty.json')).toBe('');
    expect(parseClassAdJson(sample('condor_q_empty.json'), 'condor_q -json')).toEqual([]);
    expect(parseClassAdJson('\n', 'condor_q -json')).toEqual([]);
  });
});

describe('other samples', () => {
  it('condor_history -json: a completed job with its last remote host', () => {
    const { items } = parseJobs(parseClassAdJson(sample('condor_history.json'), 'condor_history -json'));
    expect(items).toEqual([
      expect.objectContaining({
        id: '1230.0',
        status: 'completed',
        lastRemoteHost: expect.stringContaining('slot1@'),
      }),
    ]);
    expect(parseClassAdJson('[\n]\n', 'condor_history -json')).toEqual([]);
  });

  it('condor_status -schedd -json is not a job listing: every ad skipped, with a reason', () => {
    const ads = parseClassAdJson(sample('condor_status_schedd.json'), 'condor_status -json');
    expect(parseJobs(ads)).toEqual({ items: [], skipped: ['job ad without ClusterId/ProcId'] });
  });

  it.each([
    'condor_q_l.txt',
    'condor_status_l.txt',
    'condor_status_af.txt',
    'condor_q_allusers_af.txt',
    'condor_status_total_8.6.txt',
    'condor_q_totals_8.6.txt',
    'condor_q_totals_8.8.txt',
    'cloud_status_m.txt',
  ])('%s is not -json output: a parse error naming the command', (name) => {
    expect(() => parseClassAdJson(sample(name), 'condor_q -json')).toThrow(CommandError);
    expect(() => parseClassAdJson(sample(name), 'condor_q -json')).toThrow(
      /^condor_q -json: output is not JSON/,
    );
  });

  it('cloud_status -aj JSON is JSON but not a ClassAd list', () => {
    expect(() => parseClassAdJson(sample('cloud_status_aj.json'), 'condor_status -json')).toThrow(
      'condor_status -json: expected a JSON array of ClassAds',
    );
  });
});

describe('robustness', () => {
  it.each([
    [0, 'idle'],
    [1, 'idle'],
    [2, 'running'],
    [3, 'removed'],
    [4, 'completed'],
    [5, 'held'],
    [6, 'transferring_output'],
    [7, 'suspended'],
    [8, 'completed'],
    [9, 'idle'],
    [10, 'idle'],
    [11, undefined],
    [-1, undefined],
  ])('JobStatus %i → %s', (code, status) => {
    expect(jobStatusOf(code)).toBe(status);
  });

  it('attribute names in any case (ClusterID, PROCID, jobstatus)', () => {
    const ads = parseClassAdJson('[{"ClusterID": 7, "PROCID": 2, "jobstatus": 7, "OWNER": "x"}]', 'condor_q');
    expect(parseJobs(ads).items[0]).toMatchObject({ id: '7.2', status: 'suspended', owner: 'x' });
  });

  it('owner from User when Owner is missing; unknown status skipped with its reason', () => {
    const ads = parseClassAdJson(
      '[{"ClusterId": 1, "ProcId": 0, "JobStatus": 1, "User": "u@d"}, {"ClusterId": 2, "ProcId": 0, "JobStatus": "\\/Expr(x)\\/"}]',
      'condor_q',
    );
    const { items, skipped } = parseJobs(ads);
    expect(items.map((j) => j.owner)).toEqual(['u']);
    expect(skipped).toEqual(['job 2.0: unknown JobStatus "/Expr(x)/"']);
  });

  it.each([
    ['/Expr(START && (WithinResourceLimits))/', 'START && (WithinResourceLimits)'],
    ['/Expr(real("NaN"))/', 'real("NaN")'],
    ['/Expr(error)/', 'error'],
    ['plain', undefined],
    [3, undefined],
  ])('exprText(%j) = %j', (value, text) => {
    expect(exprText(value)).toBe(text);
  });

  it('expressions are not taken as plain values', () => {
    const ads = parseClassAdJson(
      '[{"Name": "slot1@h", "State": "\\/Expr(x)\\/", "Cpus": "\\/Expr(1+1)\\/", "VMType": null}]',
      'condor_status',
    );
    expect(parseSlots(ads).items[0]).toEqual({
      name: 'slot1@h',
      machine: 'h',
      state: 'Unknown',
      activity: 'Unknown',
      vmtype: null,
      cpus: 0,
      memory: 0,
    });
  });

  it.each([
    ['slot1@host.example.org', null, 'host.example.org'],
    ['slot1_3@host.example.org', null, 'host.example.org'],
    ['host.example.org', null, 'host.example.org'],
    ['glidein_1@slot1@host.example.org', null, 'host.example.org'],
    ['slot1@a', 'b.example.org', 'b.example.org'],
  ])('slot %s (Machine %s) is on %s', (name, machine, expected) => {
    expect(slotMachine(name, machine)).toBe(expected);
  });

  it('VM type only from a VMType =?= "..." term', () => {
    expect(jobVmType({ requirements: '/Expr((VMType =?= "a-b" && x))/' })).toBe('a-b');
    expect(jobVmType({ requirements: 'VMType =?= "plain"' })).toBe('plain');
    expect(jobVmType({ requirements: '/Expr(TARGET.Arch == "x86_64")/' })).toBeNull();
    expect(jobVmType({})).toBeNull();
  });

  it('a truncated listing is a parse error naming the command, with the start of the output', () => {
    expect(() => parseClassAdJson('[\n{\n  "Name": "slot1@h"\n', 'condor_status -json')).toThrow(
      /^condor_status -json: output is not JSON .*it began "\[ \{ "Name": "slot1@h""$/,
    );
  });

  it('asks only for the attributes the snapshot uses', () => {
    expect(condorQArgs()).toEqual(['-allusers', '-json', '-attributes', JOB_ATTRIBUTES.join(',')]);
    expect(condorStatusArgs()).toEqual(['-json', '-attributes', SLOT_ATTRIBUTES.join(',')]);
  });
});
