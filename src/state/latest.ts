import type { ChangeBus } from '../live/bus.js';
import type { OverviewEntity, SourceSummary } from '../live/events.js';
import { type AlarmCounts, countAlarms, type Entity, type SourceStatus, STATE_SEVERITY } from '../model.js';
import type { Store } from '../store/types.js';
import { diffEntities } from './diff.js';

export function toOverviewEntity(e: Entity): OverviewEntity {
  const states = e.alarms.map((a) => a.state).sort((a, b) => STATE_SEVERITY[b] - STATE_SEVERITY[a]);
  return { id: e.id, label: e.label, counts: countAlarms(e.alarms), states };
}

interface SourceState {
  summary: SourceSummary;
  entities: Map<string, Entity>;
  overview: Map<string, OverviewEntity>;
  /** The source's `entities` array as JSON, rebuilt on the first read after a change. */
  entitiesJson?: string | undefined;
}

/**
 * The latest state of every source, in memory, written through to the store and announced on the
 * bus. Reads (overview, entity pages) never touch the store; each source's entity list is kept as
 * JSON between its changes, so a 10,000-server overview is a concatenation, not a serialisation.
 */
export class LatestState {
  readonly #sources = new Map<string, SourceState>();
  /** The whole overview, encoded once per change and sent as it is to every reader until the next. */
  #overview: Buffer | undefined;

  constructor(
    private readonly store: Store,
    private readonly bus: ChangeBus,
    private readonly now: () => number = Date.now,
  ) {}

  async load(): Promise<void> {
    for (const s of await this.store.listSources()) {
      const entities = await this.store.listEntities(s.id);
      this.#sources.set(s.id, {
        summary: { id: s.id, name: s.name, type: s.type, status: s.status },
        entities: new Map(entities.map((e) => [e.id, e])),
        overview: new Map(entities.map((e) => [e.id, toOverviewEntity(e)])),
      });
    }
  }

  addSource(summary: SourceSummary): void {
    this.#sources.set(summary.id, { summary, entities: new Map(), overview: new Map() });
    this.#overview = undefined;
    this.bus.publish({ type: 'source', data: summary });
  }

  removeSource(id: string): void {
    if (!this.#sources.delete(id)) return;
    this.#overview = undefined;
    this.bus.publish({ type: 'source-removed', data: { id } });
  }

  summary(id: string): SourceSummary | undefined {
    return this.#sources.get(id)?.summary;
  }

  summaries(): SourceSummary[] {
    return [...this.#sources.values()].map((s) => s.summary);
  }

  async setStatus(id: string, status: SourceStatus): Promise<void> {
    const s = this.#sources.get(id);
    if (!s) return;
    const old = s.summary.status;
    if (
      old.state === status.state &&
      old.message === status.message &&
      old.lastSuccessAt === status.lastSuccessAt &&
      old.lastErrorAt === status.lastErrorAt
    ) {
      return;
    }
    await this.store.setSourceStatus(id, status);
    if (!this.#sources.has(id)) return;
    s.summary = { ...s.summary, status };
    this.#overview = undefined;
    this.bus.publish({ type: 'source', data: s.summary });
  }

  /** Stores what one poll saw and announces only what changed. */
  async applyPoll(sourceId: string, entities: readonly Entity[], at = this.now()): Promise<void> {
    const s = this.#sources.get(sourceId);
    if (!s) return;
    const diff = diffEntities(sourceId, s.entities, entities, at);
    if (diff.upsert.length === 0 && diff.remove.length === 0) return;
    await this.store.writeEntities({ sourceId, ...diff });
    // Deleted while the write was in flight: the store dropped the write, so must we.
    if (this.#sources.get(sourceId) !== s) return;
    const upsert = diff.upsert.map(toOverviewEntity);
    for (const e of diff.upsert) s.entities.set(e.id, e);
    for (const o of upsert) s.overview.set(o.id, o);
    for (const id of diff.remove) {
      s.entities.delete(id);
      s.overview.delete(id);
    }
    s.entitiesJson = undefined;
    this.#overview = undefined;
    this.bus.publish({ type: 'entities', data: { sourceId, upsert, remove: diff.remove } });
  }

  /** Alarm counts of a whole source, summed over its servers. */
  totals(sourceId: string): AlarmCounts | undefined {
    const s = this.#sources.get(sourceId);
    if (!s) return undefined;
    const t: AlarmCounts = { ok: 0, warning: 0, critical: 0, unknown: 0, total: 0 };
    for (const e of s.overview.values()) {
      t.ok += e.counts.ok;
      t.warning += e.counts.warning;
      t.critical += e.counts.critical;
      t.unknown += e.counts.unknown;
      t.total += e.counts.total;
    }
    return t;
  }

  /** Each server's alarm counts (the overview's view of it). */
  overviewEntities(sourceId: string): Iterable<OverviewEntity> {
    return this.#sources.get(sourceId)?.overview.values() ?? [];
  }

  entity(sourceId: string, entityId: string): Entity | undefined {
    return this.#sources.get(sourceId)?.entities.get(entityId);
  }

  /**
   * Records a successful poll's time without announcing it: the time alone changes nothing a page
   * shows, and announcing it would cost an event per account per poll.
   */
  touchSuccess(id: string, at: number): void {
    const s = this.#sources.get(id);
    if (!s) return;
    s.summary = { ...s.summary, status: { ...s.summary.status, lastSuccessAt: at } };
    this.#overview = undefined;
  }

  /** `GET /api/v1/overview`, encoded; `generatedAt` is when this version of it was built. */
  overview(): Buffer {
    if (!this.#overview) {
      const parts: string[] = [];
      for (const s of this.#sources.values()) {
        s.entitiesJson ??= JSON.stringify([...s.overview.values()]);
        const summary = JSON.stringify(s.summary);
        parts.push(`${summary.slice(0, -1)},"entities":${s.entitiesJson}}`);
      }
      this.#overview = Buffer.from(`{"generatedAt":${this.now()},"sources":[${parts.join(',')}]}`);
    }
    return this.#overview;
  }
}
