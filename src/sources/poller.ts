import type { Entity } from '../model.js';

export interface PollTarget {
  fetchOverview(signal?: AbortSignal): Promise<Entity[]>;
}

export interface PollerHooks {
  onSuccess(entities: Entity[], startedAt: number): Promise<void>;
  onError(error: Error, startedAt: number): Promise<void>;
}

/**
 * Polls one source on its own timer. The next poll is scheduled from the start of the previous
 * one, so a slow account keeps its rhythm, and it never overlaps itself; other accounts are never
 * waiting on it (they have their own pollers; only the shared request limiter is common).
 */
export class Poller {
  readonly #abort = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(
    private readonly target: PollTarget,
    private readonly intervalMs: number,
    private readonly hooks: PollerHooks,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.#schedule(0);
  }

  /** Runs one poll now (outside the schedule); resolves when its result is stored. */
  async pollNow(): Promise<void> {
    await this.#running;
    await this.#poll();
  }

  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#abort.abort();
    await this.#running?.catch(() => undefined);
  }

  #schedule(delayMs: number): void {
    if (this.#abort.signal.aborted) return;
    this.#timer = setTimeout(() => {
      const startedAt = this.now();
      this.#running = this.#poll().finally(() => {
        this.#running = undefined;
        this.#schedule(Math.max(0, startedAt + this.intervalMs - this.now()));
      });
    }, delayMs);
  }

  async #poll(): Promise<void> {
    const startedAt = this.now();
    let entities: Entity[];
    try {
      entities = await this.target.fetchOverview(this.#abort.signal);
    } catch (err) {
      if (this.#abort.signal.aborted) return;
      await this.hooks
        .onError(err instanceof Error ? err : new Error(String(err)), startedAt)
        .catch(() => undefined);
      return;
    }
    if (this.#abort.signal.aborted) return;
    await this.hooks
      .onSuccess(entities, startedAt)
      .catch((err: unknown) =>
        this.hooks.onError(err instanceof Error ? err : new Error(String(err)), startedAt),
      );
  }
}
