import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config/schema.js';
import type { ChangeBus } from '../../live/bus.js';
import type { LatestState } from '../../state/latest.js';
import type { GridSourceRecord, Store } from '../../store/types.js';
import { gridEntities } from './alarms.js';
import { type GridSnapshot, validateSnapshot } from './snapshot.js';
import { type GridSummary, type Series, seriesOf, summarize } from './summary.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export class SnapshotRejected extends Error {}

export interface IngestResult {
  status: 'accepted' | 'duplicate';
  grid: string;
  snapshotId: string;
}

/** Where a grid's numbers go as series at every snapshot (the history store, when there is one). */
export type SeriesSink = (series: Series[], at: number) => Promise<void>;

interface GridState {
  snapshot: GridSnapshot;
  receivedAt: number;
  /** Computed once per snapshot: summarising 100,000 jobs is not for every request. */
  summary: GridSummary;
}

export const gridSourceId = (grid: string) => `grid:${grid}`;
/** The grid a `grid:<name>` source id stands for. */
export const gridNameOf = (sourceId: string) => sourceId.slice('grid:'.length);

/**
 * Takes grid snapshots (HTTP or AMQP), keeps the latest per grid, derives the summary, its series
 * and the per-cloud alarms the wallboard shows. A snapshot is acknowledged only once committed.
 */
export class GridService {
  readonly #grids = new Map<string, GridState>();
  #timer: NodeJS.Timeout | undefined;
  seriesSink: SeriesSink | undefined;

  constructor(
    private readonly store: Store,
    private readonly state: LatestState,
    private readonly bus: ChangeBus,
    private readonly config: Config,
    private readonly log: FastifyBaseLogger,
    private readonly now: () => number = Date.now,
  ) {}

  get staleAfterMs(): number {
    return this.config.grid.staleAfterMinutes * 60_000;
  }

  async start(): Promise<void> {
    for (const s of await this.store.grids.latestSnapshots()) {
      const snapshot = JSON.parse((await gunzipAsync(s.body)).toString('utf8')) as GridSnapshot;
      const summary = summarize(snapshot, this.now(), this.staleAfterMs);
      this.#grids.set(s.grid, { snapshot, receivedAt: s.receivedAt, summary });
    }
    this.#timer = setInterval(() => void this.refreshStale().catch(() => undefined), 10_000);
    this.#timer.unref();
    await this.refreshStale();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  names(): string[] {
    return [...this.#grids.keys()].sort();
  }

  snapshot(grid: string): GridSnapshot | undefined {
    return this.#grids.get(grid)?.snapshot;
  }

  summary(grid: string): GridSummary | undefined {
    const g = this.#grids.get(grid);
    return g && { ...g.summary, stale: this.#isStale(g) };
  }

  #isStale(g: GridState): boolean {
    return this.now() - g.snapshot.collectedAt > this.staleAfterMs;
  }

  /**
   * Validates, stores (exactly once per grid and snapshot id), then updates what pages show.
   * `raw` is the JSON text it arrived as, when the caller has it.
   */
  async ingest(input: unknown, raw?: Buffer): Promise<IngestResult> {
    const checked = validateSnapshot(input);
    if (!checked.ok) throw new SnapshotRejected(`invalid snapshot: ${checked.error}`);
    const snap = checked.value;
    const receivedAt = this.now();
    // The bytes it came in are valid JSON of it already; serialising 25 MB again costs ~250 ms.
    const body = await gzipAsync(raw ?? Buffer.from(JSON.stringify(snap)), { level: 1 });
    const stored = await this.store.grids.putSnapshot({
      grid: snap.grid,
      snapshotId: snap.snapshotId,
      collectedAt: snap.collectedAt,
      receivedAt,
      body,
    });
    const result = {
      status: stored === 'stored' ? 'accepted' : 'duplicate',
      grid: snap.grid,
      snapshotId: snap.snapshotId,
    } as const;
    if (stored === 'duplicate') return result;

    const summary = summarize(snap, receivedAt, this.staleAfterMs);
    await this.seriesSink?.(seriesOf(summary), snap.collectedAt).catch((err: unknown) =>
      this.log.error({ err, grid: snap.grid }, 'recording grid series failed'),
    );
    const current = this.#grids.get(snap.grid);
    if (!current || snap.collectedAt >= current.snapshot.collectedAt) {
      this.#grids.set(snap.grid, { snapshot: snap, receivedAt, summary });
      await this.#publish(snap.grid, summary, snap.partial);
    }
    return result;
  }

  /** Marks grids whose collector went silent (their clouds turn CRITICAL) and announces it. */
  async refreshStale(): Promise<void> {
    for (const [name, g] of this.#grids) {
      const stale = this.#isStale(g);
      if (stale !== (this.state.summary(gridSourceId(name))?.status.state === 'stale')) {
        await this.#publish(name, { ...g.summary, stale }, g.snapshot.partial);
      }
    }
  }

  async #publish(
    grid: string,
    summary: GridSummary,
    partial: Record<string, string> | undefined,
  ): Promise<void> {
    const id = gridSourceId(grid);
    if (!this.state.summary(id)) await this.#createSource(grid, id);
    await this.state.applyPoll(id, gridEntities(summary, partial, this.config.grid), this.now());
    const at = this.#grids.get(grid)?.receivedAt ?? this.now();
    await this.state.setStatus(id, {
      state: summary.stale ? 'stale' : 'ok',
      message: summary.stale ? 'the collector has not reported' : null,
      lastSuccessAt: at,
      lastErrorAt: null,
    });
    this.bus.publish({ type: 'grid', data: { name: grid, summary } });
  }

  async #createSource(grid: string, id: string): Promise<void> {
    const record: GridSourceRecord = {
      id,
      type: 'grid',
      name: grid,
      config: { grid },
      sealedSecret: '',
      status: { state: 'pending', message: null, lastSuccessAt: null, lastErrorAt: null },
      createdAt: this.now(),
    };
    if (!(await this.store.getSource(id))) await this.store.createSource(record);
    this.state.addSource({ id, name: grid, type: 'grid', status: record.status });
  }
}
