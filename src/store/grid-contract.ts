import { expect, it } from 'vitest';
import type { StoredSnapshot } from './grid-types.js';
import type { Store } from './types.js';

const snap = (grid: string, id: string, collectedAt: number, receivedAt = collectedAt): StoredSnapshot => ({
  grid,
  snapshotId: id,
  collectedAt,
  receivedAt,
  body: Buffer.from(`${grid}:${id}`),
});

/** The GridStore part of the Store contract. */
export function gridContract(store: () => Store): void {
  it('takes a snapshot once and keeps the newest as the latest', async () => {
    const { grids } = store();
    expect(await grids.putSnapshot(snap('g1', 'a', 100))).toBe('stored');
    expect(await grids.putSnapshot(snap('g1', 'a', 100))).toBe('duplicate');
    expect(await grids.putSnapshot(snap('g1', 'b', 200))).toBe('stored');
    // An older one (a spool replaying late) is taken but does not roll the latest back.
    expect(await grids.putSnapshot(snap('g1', 'c', 150))).toBe('stored');
    expect(await grids.putSnapshot(snap('g2', 'a', 50))).toBe('stored');
    const latest = await grids.latestSnapshots();
    expect(latest.map((s) => `${s.grid}:${s.snapshotId}`)).toEqual(['g1:b', 'g2:a']);
    expect(latest[0]?.body.toString()).toBe('g1:b');
  });

  it('forgets old ids and whole grids', async () => {
    const { grids } = store();
    await grids.putSnapshot(snap('g1', 'a', 100, 100));
    await grids.putSnapshot(snap('g1', 'b', 200, 200));
    expect(await grids.pruneSnapshotIds(150)).toBe(1);
    expect(await grids.putSnapshot(snap('g1', 'a', 100, 300))).toBe('stored');
    expect(await grids.deleteGrid('g1')).toBe(true);
    expect(await grids.latestSnapshots()).toEqual([]);
    expect(await grids.putSnapshot(snap('g1', 'b', 200))).toBe('stored');
  });
}
