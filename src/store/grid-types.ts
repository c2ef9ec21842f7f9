export interface StoredSnapshot {
  grid: string;
  snapshotId: string;
  collectedAt: number;
  receivedAt: number;
  /** The snapshot's JSON, gzipped: a 100,000-job snapshot is tens of MB as text. */
  body: Buffer;
}

/** The latest snapshot per grid and the ids already taken, so a replayed snapshot is taken once. */
export interface GridStore {
  /**
   * Records a snapshot unless its (grid, snapshotId) was seen before; it becomes the grid's latest
   * only when it is newer than the one kept, so a spool replaying old snapshots never rolls back.
   */
  putSnapshot(s: StoredSnapshot): Promise<'stored' | 'duplicate'>;
  latestSnapshots(): Promise<StoredSnapshot[]>;
  deleteGrid(grid: string): Promise<boolean>;
  /** Forgets ids received before `before` (a replay older than that would be taken again). */
  pruneSnapshotIds(before: number): Promise<number>;
}
