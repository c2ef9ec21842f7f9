import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, isAbortError } from './api.js';
import type { GridEventData, GridSummary } from './gridTypes.js';
import type {
  EntitiesEventData,
  Overview,
  OverviewEntity,
  OverviewSource,
  SourceEventData,
} from './types.js';

/** What changes the board: a full snapshot or one of the stream's deltas. */
export type LiveEvent =
  | { type: 'overview'; overview: Overview }
  | { type: 'source'; data: SourceEventData }
  | { type: 'source-removed'; data: { id: string } }
  | { type: 'entities'; data: EntitiesEventData }
  | { type: 'grid'; data: GridEventData };

export interface LiveState {
  loaded: boolean;
  generatedAt: number | null;
  sources: readonly OverviewSource[];
  /**
   * Grid summaries the stream sent since the last snapshot, by grid name. The overview does not carry
   * them, so a snapshot clears them (events that raced it are replayed on top): grid pages fetch
   * their summary and prefer this one when it is as new.
   */
  grids: Readonly<Record<string, GridSummary>>;
}

const NO_GRIDS: Readonly<Record<string, GridSummary>> = Object.freeze({});

export const INITIAL_STATE: LiveState = { loaded: false, generatedAt: null, sources: [], grids: NO_GRIDS };

function applyEntities(source: OverviewSource, data: EntitiesEventData): OverviewSource {
  const upsert = new Map<string, OverviewEntity>();
  for (const e of data.upsert ?? []) upsert.set(e.id, e);
  const remove = new Set(data.remove ?? []);
  if (upsert.size === 0 && remove.size === 0) return source;
  const entities: OverviewEntity[] = [];
  for (const e of source.entities) {
    if (remove.has(e.id)) continue;
    const next = upsert.get(e.id);
    if (next) {
      entities.push(next);
      upsert.delete(e.id);
    } else entities.push(e);
  }
  for (const e of upsert.values()) if (!remove.has(e.id)) entities.push(e);
  return { ...source, entities };
}

/**
 * Pure: the board after one event. Untouched sources and entities keep their identity,
 * so memoised sections and circles skip re-rendering.
 */
export function applyEvent(state: LiveState, event: LiveEvent): LiveState {
  switch (event.type) {
    case 'overview':
      return {
        loaded: true,
        generatedAt: event.overview.generatedAt,
        sources: event.overview.sources,
        grids: NO_GRIDS,
      };
    case 'source': {
      const d = event.data;
      const i = state.sources.findIndex((s) => s.id === d.id);
      const sources = state.sources.slice();
      if (i === -1) sources.push({ id: d.id, name: d.name, type: d.type, status: d.status, entities: [] });
      else {
        const old = state.sources[i] as OverviewSource;
        sources[i] = { ...old, name: d.name, type: d.type, status: d.status };
      }
      return { ...state, sources };
    }
    case 'source-removed': {
      const sources = state.sources.filter((s) => s.id !== event.data.id);
      return sources.length === state.sources.length ? state : { ...state, sources };
    }
    case 'entities': {
      const i = state.sources.findIndex((s) => s.id === event.data.sourceId);
      // Entities of a source we don't know yet: its `source` event or the next snapshot brings it.
      if (i === -1) return state;
      const old = state.sources[i] as OverviewSource;
      const next = applyEntities(old, event.data);
      if (next === old) return state;
      const sources = state.sources.slice();
      sources[i] = next;
      return { ...state, sources };
    }
    case 'grid': {
      const { name, summary } = event.data;
      if (typeof name !== 'string' || !summary || state.grids[name] === summary) return state;
      return { ...state, grids: { ...state.grids, [name]: summary } };
    }
    default:
      return state;
  }
}

export type Connection = 'connecting' | 'open' | 'lost';

export interface LiveSnapshot {
  state: LiveState;
  connection: Connection;
  /** Why the last snapshot could not be loaded, if it could not. */
  error: string | null;
}

export type StreamListener = (event: LiveEvent | { type: 'hello' }) => void;

const STREAM_URL = '/api/v1/stream';
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * One EventSource for the whole app. On every `hello` it refetches the snapshot and replays the
 * events that arrived meanwhile on top, so the board converges whatever the interleaving.
 */
export class LiveStore {
  snapshot: LiveSnapshot = { state: INITIAL_STATE, connection: 'connecting', error: null };
  private readonly listeners = new Set<() => void>();
  private readonly streamListeners = new Set<StreamListener>();
  private es: EventSource | null = null;
  private fetchCtl: AbortController | null = null;
  private replay: LiveEvent[] | null = null;
  private retryMs = RETRY_MIN_MS;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private refetchTimer: ReturnType<typeof setTimeout> | null = null;

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onStream(fn: StreamListener): () => void {
    this.streamListeners.add(fn);
    return () => this.streamListeners.delete(fn);
  }

  start(): void {
    if (this.es || typeof EventSource === 'undefined') return;
    const es = new EventSource(STREAM_URL);
    this.es = es;
    es.onopen = () => {
      this.retryMs = RETRY_MIN_MS;
      this.set({ connection: 'open' });
    };
    es.onerror = () => {
      this.set({ connection: 'lost' });
      if (!this.snapshot.state.loaded && !this.fetchCtl) this.fetchOverview();
      // CLOSED means the browser gave up (e.g. a non-stream answer); reconnect ourselves.
      if (es.readyState === EventSource.CLOSED) {
        es.close();
        this.es = null;
        this.reconnectTimer = setTimeout(() => this.start(), this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      }
    };
    es.addEventListener('hello', () => {
      this.set({ connection: 'open' });
      this.emit({ type: 'hello' });
      this.fetchOverview();
    });
    this.listen(es, 'source', (data) => ({ type: 'source', data: data as SourceEventData }));
    this.listen(es, 'source-removed', (data) => ({ type: 'source-removed', data: data as { id: string } }));
    this.listen(es, 'entities', (data) => ({ type: 'entities', data: data as EntitiesEventData }));
    this.listen(es, 'grid', (data) => ({ type: 'grid', data: data as GridEventData }));
  }

  stop(): void {
    this.es?.close();
    this.es = null;
    this.fetchCtl?.abort();
    this.fetchCtl = null;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.refetchTimer) clearTimeout(this.refetchTimer);
    this.reconnectTimer = null;
    this.refetchTimer = null;
  }

  /** Fetches the snapshot again (back from the past: the board catches up at once). */
  refresh(): void {
    if (this.es) this.fetchOverview();
  }

  private listen(es: EventSource, name: string, toEvent: (data: unknown) => LiveEvent): void {
    es.addEventListener(name, (msg) => {
      let data: unknown;
      try {
        data = JSON.parse((msg as MessageEvent<string>).data);
      } catch {
        console.warn(`cmon: ignoring malformed '${name}' event`);
        return;
      }
      this.dispatch(toEvent(data));
    });
  }

  private dispatch(event: LiveEvent): void {
    this.replay?.push(event);
    const state = applyEvent(this.snapshot.state, event);
    if (state !== this.snapshot.state) this.set({ state });
    this.emit(event);
  }

  private fetchOverview(): void {
    this.fetchCtl?.abort();
    const ctl = new AbortController();
    this.fetchCtl = ctl;
    this.replay = [];
    api<Overview>('/overview', { signal: ctl.signal }).then(
      (overview) => {
        if (this.fetchCtl !== ctl) return;
        let state = applyEvent(this.snapshot.state, { type: 'overview', overview });
        for (const e of this.replay ?? []) state = applyEvent(state, e);
        this.replay = null;
        this.fetchCtl = null;
        this.set({ state, error: null });
      },
      (err: unknown) => {
        if (isAbortError(err) || this.fetchCtl !== ctl) return;
        this.replay = null;
        this.fetchCtl = null;
        this.set({ error: errorMessage(err) });
        if (this.refetchTimer) clearTimeout(this.refetchTimer);
        this.refetchTimer = setTimeout(() => {
          this.refetchTimer = null;
          if (!this.fetchCtl) this.fetchOverview();
        }, 5_000);
      },
    );
  }

  private set(patch: Partial<LiveSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    if (
      next.state === this.snapshot.state &&
      next.connection === this.snapshot.connection &&
      next.error === this.snapshot.error
    )
      return;
    this.snapshot = next;
    for (const fn of this.listeners) fn();
  }

  private emit(event: LiveEvent | { type: 'hello' }): void {
    for (const fn of this.streamListeners) fn(event);
  }
}

export const live = new LiveStore();

export function useLive(store: LiveStore = live): LiveSnapshot {
  const [snap, setSnap] = useState(store.snapshot);
  useEffect(() => {
    setSnap(store.snapshot);
    return store.subscribe(() => setSnap(store.snapshot));
  }, [store]);
  return snap;
}

/** Calls `fn` for each stream event; `fn` may change between renders without resubscribing. */
export function useStreamEvents(fn: StreamListener, store: LiveStore = live): void {
  const [ref] = useState<{ fn: StreamListener }>(() => ({ fn }));
  ref.fn = fn;
  useEffect(() => store.onStream((e) => ref.fn(e)), [store, ref]);
}
