import { describe, expect, it } from 'vitest';
import type { GridSummary } from './gridTypes.js';
import { applyEvent, INITIAL_STATE, type LiveEvent, type LiveState } from './live.js';
import type { OverviewEntity, OverviewSource, SourceStatus } from './types.js';

const OK: SourceStatus = { state: 'ok', message: null, lastSuccessAt: 1, lastErrorAt: null };

function ent(id: string, critical = 0, ok = 1): OverviewEntity {
  return {
    id,
    label: id,
    counts: { ok, warning: 0, critical, unknown: 0, total: ok + critical },
    states: [...Array<'CRITICAL'>(critical).fill('CRITICAL'), ...Array<'OK'>(ok).fill('OK')],
  };
}

function src(id: string, entities: OverviewEntity[]): OverviewSource {
  return { id, name: `Account ${id}`, type: 'rackspace', status: OK, entities };
}

function loaded(...sources: OverviewSource[]): LiveState {
  return applyEvent(INITIAL_STATE, { type: 'overview', overview: { generatedAt: 5, sources } });
}

describe('applyEvent', () => {
  it('replaces everything with an overview snapshot', () => {
    const s = loaded(src('a', [ent('1')]));
    expect(s.loaded).toBe(true);
    expect(s.generatedAt).toBe(5);
    expect(s.sources.map((x) => x.id)).toEqual(['a']);
  });

  it('upserts a source status and keeps its entities', () => {
    const s0 = loaded(src('a', [ent('1')]), src('b', []));
    const stale: SourceStatus = { ...OK, state: 'stale', message: 'timeout' };
    const s1 = applyEvent(s0, {
      type: 'source',
      data: { id: 'a', name: 'Renamed', type: 'rackspace', status: stale },
    });
    expect(s1.sources[0]).toMatchObject({ id: 'a', name: 'Renamed', status: stale });
    expect(s1.sources[0]?.entities).toBe(s0.sources[0]?.entities);
    expect(s1.sources[1]).toBe(s0.sources[1]);
    expect(s0.sources[0]?.name).toBe('Account a');
  });

  it('appends a new source with no entities', () => {
    const s0 = loaded(src('a', []));
    const s1 = applyEvent(s0, {
      type: 'source',
      data: { id: 'n', name: 'New', type: 'rackspace', status: OK },
    });
    expect(s1.sources.map((x) => [x.id, x.entities.length])).toEqual([
      ['a', 0],
      ['n', 0],
    ]);
  });

  it('removes a source, and ignores removing an unknown one', () => {
    const s0 = loaded(src('a', []), src('b', []));
    expect(applyEvent(s0, { type: 'source-removed', data: { id: 'a' } }).sources.map((x) => x.id)).toEqual([
      'b',
    ]);
    expect(applyEvent(s0, { type: 'source-removed', data: { id: 'zz' } })).toBe(s0);
  });

  it('upserts and removes entities in one source, keeping the identity of everything untouched', () => {
    const e1 = ent('1');
    const e2 = ent('2');
    const e3 = ent('3');
    const other = src('b', [ent('x')]);
    const s0 = loaded(src('a', [e1, e2, e3]), other);
    const changed = ent('2', 1, 1);
    const added = ent('4');
    const s1 = applyEvent(s0, {
      type: 'entities',
      data: { sourceId: 'a', upsert: [changed, added], remove: ['3'] },
    });
    const a = s1.sources[0] as OverviewSource;
    expect(a.entities.map((e) => e.id)).toEqual(['1', '2', '4']);
    expect(a.entities[0]).toBe(e1);
    expect(a.entities[1]).toBe(changed);
    expect(s1.sources[1]).toBe(other);
    expect(s0.sources[0]?.entities.map((e) => e.id)).toEqual(['1', '2', '3']);
  });

  it('returns the same state for no-op entity events or unknown sources', () => {
    const s0 = loaded(src('a', [ent('1')]));
    expect(applyEvent(s0, { type: 'entities', data: { sourceId: 'a', upsert: [], remove: [] } })).toBe(s0);
    expect(
      applyEvent(s0, { type: 'entities', data: { sourceId: 'zz', upsert: [ent('9')], remove: [] } }),
    ).toBe(s0);
  });

  it('converges when events that raced a snapshot are replayed on top of it', () => {
    const v1 = ent('1', 1, 0);
    const v2 = ent('1', 0, 1);
    const snapshot = loaded(src('a', [v2]));
    const replayed: LiveEvent[] = [
      { type: 'entities', data: { sourceId: 'a', upsert: [v1], remove: [] } },
      { type: 'entities', data: { sourceId: 'a', upsert: [v2], remove: [] } },
    ];
    const s = replayed.reduce(applyEvent, snapshot);
    expect(s.sources[0]?.entities).toEqual([v2]);
  });
});

describe('applyEvent: grid summaries', () => {
  function grid(name: string, collectedAt: number, stale = false): GridSummary {
    const jobs = { idle: 1, running: 0, held: 0, completed: 0, removed: 0, suspended: 0, total: 1 };
    return { name, collectedAt, stale, clouds: [], vms: { total: 0 }, jobs, jobsByOwner: {} };
  }

  it('starts with no grids', () => {
    expect(INITIAL_STATE.grids).toEqual({});
  });

  it('keeps the latest summary per grid, leaving sources and other grids alone', () => {
    const s0 = loaded(src('a', [ent('1')]));
    const g1 = grid('g1', 1000);
    const s1 = applyEvent(s0, { type: 'grid', data: { name: 'g1', summary: g1 } });
    expect(s1.grids.g1).toBe(g1);
    expect(s1.sources).toBe(s0.sources);
    expect(s0.grids).toEqual({});
    const g2 = grid('g2', 1000);
    const s2 = applyEvent(s1, { type: 'grid', data: { name: 'g2', summary: g2 } });
    const stale = grid('g1', 1000, true);
    const s3 = applyEvent(s2, { type: 'grid', data: { name: 'g1', summary: stale } });
    expect(s3.grids.g1).toBe(stale);
    expect(s3.grids.g2).toBe(g2);
  });

  it('returns the same state for a repeated or malformed event', () => {
    const g1 = grid('g1', 1000);
    const s1 = applyEvent(loaded(), { type: 'grid', data: { name: 'g1', summary: g1 } });
    expect(applyEvent(s1, { type: 'grid', data: { name: 'g1', summary: g1 } })).toBe(s1);
    const bad = { type: 'grid', data: { name: 'g1' } } as unknown as LiveEvent;
    expect(applyEvent(s1, bad)).toBe(s1);
  });

  it('keeps grids through source and entity events', () => {
    const g1 = grid('g1', 1000);
    const s1 = applyEvent(loaded(src('a', [])), { type: 'grid', data: { name: 'g1', summary: g1 } });
    const s2 = applyEvent(s1, {
      type: 'entities',
      data: { sourceId: 'a', upsert: [ent('9')], remove: [] },
    });
    expect(s2.grids.g1).toBe(g1);
    expect(applyEvent(s2, { type: 'source-removed', data: { id: 'a' } }).grids.g1).toBe(g1);
  });

  it('a fresh snapshot clears them, and grid events that raced it are replayed on top', () => {
    const g1 = grid('g1', 1000);
    const g1b = grid('g1', 2000);
    const before = applyEvent(loaded(), { type: 'grid', data: { name: 'g1', summary: g1 } });
    const snap = applyEvent(before, { type: 'overview', overview: { generatedAt: 9, sources: [] } });
    expect(snap.grids).toEqual({});
    const replayed = applyEvent(snap, { type: 'grid', data: { name: 'g1', summary: g1b } });
    expect(replayed.grids.g1).toBe(g1b);
  });
});
