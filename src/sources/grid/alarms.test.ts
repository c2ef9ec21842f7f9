import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load.js';
import { cloudEntityId, gridEntities, POOL_ENTITY_ID } from './alarms.js';
import { baseSnapshot } from './fixtures.js';
import { summarize } from './summary.js';

const thresholds = loadConfig({ env: {} }).grid;

function states(entities: ReturnType<typeof gridEntities>, id: string): Record<string, string> {
  const e = entities.find((x) => x.id === id);
  return Object.fromEntries((e?.alarms ?? []).map((a) => [a.id, a.state]));
}

describe('grid alarms', () => {
  const snap = baseSnapshot();
  const now = snap.collectedAt + 1000;

  it('gives the pool and every cloud a circle', () => {
    const s = summarize(snap, now, 300_000);
    const entities = gridEntities(s, undefined, thresholds);
    expect(entities.map((e) => e.id)).toEqual([
      POOL_ENTITY_ID,
      ...s.clouds.map((c) => cloudEntityId(c.name)),
    ]);
  });

  it('turns every circle CRITICAL when the collector is silent, WARNING on partial data', () => {
    const stale = gridEntities(summarize(snap, snap.collectedAt + 600_000, 300_000), undefined, thresholds);
    for (const e of stale) expect(states(stale, e.id).collector).toBe('CRITICAL');
    const partial = gridEntities(summarize(snap, now, 300_000), { condor_q: 'exit 1' }, thresholds);
    expect(states(partial, POOL_ENTITY_ID).collector).toBe('WARNING');
  });

  it.each([
    [0, 'OK'],
    [1, 'WARNING'],
    [100, 'CRITICAL'],
  ])('puts %i held jobs of the queue on the pool as %s', (held, state) => {
    const s = summarize(snap, now, 300_000);
    const withHeld = { ...s, jobs: { ...s.jobs, held } };
    expect(states(gridEntities(withHeld, undefined, thresholds), POOL_ENTITY_ID)['held-jobs']).toBe(state);
  });

  it('flags idle VMs only while jobs wait', () => {
    const s = summarize(snap, now, 300_000);
    const cloud = { ...(s.clouds[0] as (typeof s.clouds)[number]), idleVms: 2 };
    const waiting = { ...s, clouds: [cloud], jobs: { ...s.jobs, idle: 5 } };
    const none = { ...s, clouds: [cloud], jobs: { ...s.jobs, idle: 0 } };
    expect(states(gridEntities(waiting, undefined, thresholds), cloudEntityId(cloud.name))['idle-vms']).toBe(
      'WARNING',
    );
    expect(states(gridEntities(none, undefined, thresholds), cloudEntityId(cloud.name))['idle-vms']).toBe(
      'OK',
    );
  });

  it('keeps odd cloud names out of URLs', () => {
    expect(cloudEntityId('cc-east')).toBe('cloud-cc-east');
    expect(cloudEntityId('east "1"/x')).toMatch(/^cloud-[0-9a-f]{16}$/);
  });
});
