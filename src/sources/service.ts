import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { SecretBox } from '../auth/secrets.js';
import type { Config } from '../config/schema.js';
import type { SourceSummary } from '../live/events.js';
import type { SourceStatus } from '../model.js';
import type { LatestState } from '../state/latest.js';
import type { RackspacePublicConfig, RackspaceSourceRecord, SourceRecord, Store } from '../store/types.js';
import { Poller } from './poller.js';
import { RackspaceClient, type RackspaceCredentials } from './rackspace/client.js';
import { Limiter } from './rackspace/limiter.js';

export const DEFAULT_POLL_INTERVAL_SEC = 60;

export interface RackspaceSourceInput {
  type: 'rackspace';
  name: string;
  config: {
    username: string;
    apiKey?: string;
    password?: string;
    identityUrl?: string;
    pollIntervalSec?: number;
  };
}

export interface PublicSource {
  id: string;
  name: string;
  type: 'rackspace';
  config: RackspacePublicConfig;
  status: SourceStatus;
  createdAt: number;
}

export type TestResult = { ok: true } | { ok: false; error: string };

export class SourceConflictError extends Error {}

interface Secret {
  apiKey?: string;
  password?: string;
}

const PENDING: SourceStatus = { state: 'pending', message: null, lastSuccessAt: null, lastErrorAt: null };

/** Owns the sources: their records, credentials, pollers and status (ok, error, stale). */
export class SourceService {
  readonly #pollers = new Map<string, { poller: Poller; intervalMs: number }>();
  readonly #limiter: Limiter;
  #staleTimer: NodeJS.Timeout | undefined;
  /** Called after each successful poll is stored (the history recorder). */
  onPolled: ((sourceId: string, at: number) => Promise<void>) | undefined;
  onPollFailed: ((sourceId: string, at: number) => Promise<void>) | undefined;

  constructor(
    private readonly store: Store,
    private readonly state: LatestState,
    private readonly box: SecretBox,
    private readonly config: Config,
    private readonly log: FastifyBaseLogger,
    private readonly now: () => number = Date.now,
  ) {
    this.#limiter = new Limiter(config.rackspace.maxConcurrentRequests);
  }

  async start(): Promise<void> {
    for (const record of await this.#rackspaceSources()) this.#startPoller(record);
    this.#staleTimer = setInterval(() => void this.markStale(), 1000);
    this.#staleTimer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#staleTimer);
    await Promise.all([...this.#pollers.values()].map((p) => p.poller.stop()));
    this.#pollers.clear();
  }

  /** The polled accounts; grids are sources too but belong to the grid service. */
  async #rackspaceSources(): Promise<RackspaceSourceRecord[]> {
    return (await this.store.listSources()).filter((r): r is RackspaceSourceRecord => r.type === 'rackspace');
  }

  async list(): Promise<PublicSource[]> {
    return (await this.#rackspaceSources()).map((r) => this.#public(r));
  }

  async get(id: string): Promise<PublicSource | undefined> {
    const record = await this.store.getSource(id);
    return record?.type === 'rackspace' ? this.#public(record) : undefined;
  }

  async create(input: RackspaceSourceInput): Promise<PublicSource> {
    const name = input.name.trim();
    if ((await this.store.listSources()).some((s) => s.name === name)) {
      throw new SourceConflictError(`an account named "${name}" already exists`);
    }
    const id = randomBytes(6).toString('hex');
    const record: RackspaceSourceRecord = {
      id,
      type: 'rackspace',
      name,
      config: this.#publicConfig(input),
      sealedSecret: this.box.seal(JSON.stringify(this.#secret(input)), id),
      status: PENDING,
      createdAt: this.now(),
    };
    await this.store.createSource(record);
    this.state.addSource(this.#summary(record));
    this.#startPoller(record);
    this.log.info({ sourceId: id, name }, 'source added');
    return this.#public(record);
  }

  async remove(id: string): Promise<boolean> {
    await this.#pollers.get(id)?.poller.stop();
    this.#pollers.delete(id);
    const removed = await this.store.deleteSource(id);
    this.state.removeSource(id);
    if (removed) this.log.info({ sourceId: id }, 'source removed');
    return removed;
  }

  /** Tries a stored source's credentials now, with a fresh client (no cached token). */
  async test(id: string): Promise<TestResult | undefined> {
    const record = await this.store.getSource(id);
    return record?.type === 'rackspace' ? this.#try(this.#client(record)) : undefined;
  }

  /** Tries credentials that are not saved (the settings form's "Test connection"). */
  async testInput(input: RackspaceSourceInput): Promise<TestResult> {
    const cfg = this.#publicConfig(input);
    return this.#try(
      this.#clientFor({ username: cfg.username, identityUrl: cfg.identityUrl, ...this.#secret(input) }),
    );
  }

  /** A cloud account's poll interval, while its poller runs. */
  intervalMs(id: string): number | undefined {
    return this.#pollers.get(id)?.intervalMs;
  }

  /** Marks as stale every source whose last success is older than `staleAfterIntervals` polls. */
  async markStale(): Promise<void> {
    const now = this.now();
    for (const summary of this.state.summaries()) {
      const intervalMs = this.#pollers.get(summary.id)?.intervalMs;
      if (intervalMs === undefined) continue;
      const { status } = summary;
      const limit = this.config.staleAfterIntervals * intervalMs;
      if (status.state === 'ok' && status.lastSuccessAt !== null && now - status.lastSuccessAt > limit) {
        await this.state.setStatus(summary.id, { ...status, state: 'stale', message: 'no successful poll' });
      }
    }
  }

  async #try(client: RackspaceClient): Promise<TestResult> {
    try {
      await client.testCredentials(AbortSignal.timeout(this.config.rackspace.requestTimeoutSec * 2000));
      return { ok: true };
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
  }

  #startPoller(record: RackspaceSourceRecord): void {
    const id = record.id;
    const intervalMs = record.config.pollIntervalSec * 1000;
    const poller = new Poller(
      this.#client(record),
      intervalMs,
      {
        onSuccess: async (entities) => {
          await this.state.applyPoll(id, entities);
          const at = this.now();
          const current = this.state.summary(id)?.status;
          if (current?.state === 'ok') {
            this.state.touchSuccess(id, at);
          } else {
            await this.state.setStatus(id, {
              state: 'ok',
              message: null,
              lastSuccessAt: at,
              lastErrorAt: current?.lastErrorAt ?? null,
            });
          }
          // After the status: a history write waits behind a running import, the board must not.
          await this.onPolled?.(id, at).catch((err: unknown) =>
            this.log.error({ err, sourceId: id }, 'recording series failed'),
          );
        },
        onError: async (err) => {
          const current = this.state.summary(id)?.status ?? PENDING;
          this.log.warn({ sourceId: id, err: err.message }, 'poll failed');
          const at = this.now();
          await this.state.setStatus(id, {
            ...current,
            state: 'error',
            message: err.message,
            lastErrorAt: at,
          });
          await this.onPollFailed?.(id, at).catch((e: unknown) =>
            this.log.error({ err: e, sourceId: id }, 'recording series failed'),
          );
        },
      },
      this.now,
    );
    this.#pollers.set(id, { poller, intervalMs });
    poller.start();
  }

  #client(record: RackspaceSourceRecord): RackspaceClient {
    const secret = JSON.parse(this.box.open(record.sealedSecret, record.id)) as Secret;
    return this.#clientFor({
      username: record.config.username,
      identityUrl: record.config.identityUrl,
      ...secret,
    });
  }

  #clientFor(creds: RackspaceCredentials): RackspaceClient {
    return new RackspaceClient(creds, {
      limiter: this.#limiter,
      timeoutMs: this.config.rackspace.requestTimeoutSec * 1000,
    });
  }

  #secret(input: RackspaceSourceInput): Secret {
    return input.config.apiKey !== undefined
      ? { apiKey: input.config.apiKey }
      : { password: input.config.password ?? '' };
  }

  #publicConfig(input: RackspaceSourceInput): RackspacePublicConfig {
    return {
      username: input.config.username,
      authMethod: input.config.apiKey !== undefined ? 'apiKey' : 'password',
      identityUrl: input.config.identityUrl ?? this.config.rackspace.defaultIdentityUrl,
      pollIntervalSec: input.config.pollIntervalSec ?? DEFAULT_POLL_INTERVAL_SEC,
    };
  }

  #summary(r: SourceRecord): SourceSummary {
    return { id: r.id, name: r.name, type: r.type, status: r.status };
  }

  #public(r: RackspaceSourceRecord): PublicSource {
    const live = this.state.summary(r.id)?.status ?? r.status;
    return { id: r.id, name: r.name, type: r.type, config: r.config, status: live, createdAt: r.createdAt };
  }
}
