import { describe, expect, it } from 'vitest';
import { baseSnapshot } from './fixtures.js';
import { hostKey, seriesKey, seriesOf, summarize, vmState } from './summary.js';

describe('hostKey (first DNS label, lower-cased)', () => {
  it.each([
    ['slot1@c1-aaa.novalocal', 'c1-aaa'],
    ['slot1_2@C1-AAA.example.org', 'c1-aaa'],
    ['c1-aaa', 'c1-aaa'],
    ['c1-aaa:2222', 'c1-aaa'],
    ['glidein@slot1@host.x', 'host'],
    ['', ''],
    [null, ''],
  ])('%j → %j', (raw, key) => {
    expect(hostKey(raw)).toBe(key);
  });
});

describe('vmState', () => {
  it.each([
    ['Running', null, 'running'],
    ['Running', 'Retiring', 'retiring'],
    ['Error', '', 'error'],
    ['Starting', 'ExpiredProxy', 'expiredproxy'],
  ])('%s with override %j → %s', (status, overrideStatus, state) => {
    expect(vmState({ status, overrideStatus })).toBe(state);
  });
});

describe('summarize', () => {
  const s = summarize(baseSnapshot(), 1_000_000 + 60_000, 10 * 60_000);
  const [c1, c2, c3] = s.clouds;

  it('has the API shape, stale after the limit', () => {
    expect(Object.keys(s)).toEqual([
      'name',
      'collectedAt',
      'stale',
      'clouds',
      'vms',
      'vmTypes',
      'jobs',
      'jobsByOwner',
    ]);
    expect(s).toMatchObject({ name: 'g1', collectedAt: 1_000_000, stale: false });
    expect(summarize(baseSnapshot(), 1_000_000 + 10 * 60_000 + 1, 10 * 60_000).stale).toBe(true);
  });

  it('counts VMs by state, override status first; base states always present', () => {
    expect(c1?.vms).toEqual({ total: 3, starting: 0, running: 2, retiring: 1, error: 0 });
    expect(c2?.vms).toEqual({ total: 1, starting: 1, running: 0, retiring: 0, error: 0 });
    expect(s.vms).toEqual({ total: 5, starting: 1, running: 2, retiring: 1, error: 0, shutdown: 1 });
  });

  it('counts VMs by type, per cloud and for the grid', () => {
    const types = (vms: { vmtype: string; cloud: string }[], cloud?: string) =>
      vms
        .filter((v) => !cloud || v.cloud === cloud)
        .reduce<Record<string, number>>((acc, v) => {
          acc[v.vmtype] = (acc[v.vmtype] ?? 0) + 1;
          return acc;
        }, {});
    const snap = baseSnapshot();
    expect(s.vmTypes).toEqual(types(snap.vms));
    expect(c1?.vmTypes).toEqual(types(snap.vms, 'c1'));
    expect(Object.values(s.vmTypes).reduce((a, b) => a + b, 0)).toBe(s.vms.total);
  });

  it('adds a cloud the pool no longer lists but still has VMs on', () => {
    expect(c3).toMatchObject({ name: 'c3', enabled: false, quota: null, vms: { shutdown: 1, total: 1 } });
    expect(s.clouds.map((c) => [c.name, c.enabled, c.quota])).toEqual([
      ['c1', true, 10],
      ['c2', false, null],
      ['c3', false, null],
    ]);
  });

  it('slots: matched to VMs by first DNS label of Machine, else of the name', () => {
    expect(c1?.slots).toEqual({ claimed: 1, unclaimed: 2, total: 4 });
    expect(c2?.slots).toEqual({ claimed: 0, unclaimed: 0, total: 0 });
  });

  it('idle VMs: running (not retiring) with no claimed slot and no job', () => {
    expect(c1?.idleVms).toBe(1);
  });

  it('jobs: per cloud where they run, or for held/finished ones where they ran; idle ones only in totals', () => {
    expect(c1?.jobs).toEqual({
      idle: 0,
      running: 2,
      held: 1,
      completed: 0,
      removed: 0,
      suspended: 0,
      total: 3,
    });
    expect(s.jobs).toEqual({
      idle: 1,
      running: 2,
      held: 1,
      completed: 1,
      removed: 0,
      suspended: 1,
      total: 6,
    });
    expect(s.jobsByOwner).toEqual({
      alice: { idle: 1, running: 1, held: 0, completed: 0, removed: 0, suspended: 0, total: 2 },
      bob: { idle: 0, running: 1, held: 1, completed: 1, removed: 0, suspended: 0, total: 3 },
      carol: { idle: 0, running: 0, held: 0, completed: 0, removed: 0, suspended: 1, total: 1 },
    });
  });

  it('an empty grid summarises to zeros', () => {
    const empty = summarize(baseSnapshot({ clouds: [], vms: [], slots: [], jobs: [] }), 0, 1);
    expect(empty).toMatchObject({
      clouds: [],
      vms: { total: 0, running: 0 },
      jobs: { total: 0 },
      jobsByOwner: {},
    });
  });
});

describe('seriesOf', () => {
  const series = seriesOf(summarize(baseSnapshot(), 1_000_000, 60_000));
  const byKey = new Map(series.map((x) => [seriesKey(x), x.value]));

  it.each([
    ['cmon_grid_stale{grid="g1"}', 0],
    ['cmon_grid_cloud_enabled{grid="g1",cloud="c1"}', 1],
    ['cmon_grid_cloud_quota{grid="g1",cloud="c1"}', 10],
    ['cmon_grid_vms{grid="g1",cloud="c1",status="retiring"}', 1],
    ['cmon_grid_vms{grid="g1",cloud="c1",status="total"}', 3],
    ['cmon_grid_slots{grid="g1",cloud="c1",state="claimed"}', 1],
    ['cmon_grid_idle_vms{grid="g1",cloud="c1"}', 1],
    ['cmon_grid_jobs{grid="g1",cloud="c1",status="held"}', 1],
    ['cmon_grid_jobs{grid="g1",status="idle"}', 1],
    ['cmon_grid_vms{grid="g1",status="shutdown"}', 1],
    ['cmon_grid_jobs_by_owner{grid="g1",owner="bob",status="total"}', 3],
  ])('%s = %d', (key, value) => {
    expect(byKey.get(key)).toBe(value);
  });

  it('no quota series for an unknown quota; every key unique', () => {
    expect(byKey.has('cmon_grid_cloud_quota{grid="g1",cloud="c2"}')).toBe(false);
    expect(byKey.size).toBe(series.length);
  });

  it('escapes label values', () => {
    expect(seriesKey({ name: 'm', labels: { a: 'x"y\\z\n' } })).toBe('m{a="x\\"y\\\\z\\n"}');
  });
});
