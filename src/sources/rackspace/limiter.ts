/**
 * A counting semaphore shared by every Rackspace client, so N accounts never open more than `max`
 * requests at once. Callers wrap single HTTP attempts only: a request sleeping on backoff holds no slot.
 */
export class Limiter {
  readonly max: number;
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(max: number) {
    if (!(max >= 1)) throw new RangeError(`Limiter max must be >= 1, got ${max}`);
    this.max = max;
  }

  get active(): number {
    return this.#active;
  }

  get pending(): number {
    return this.#waiting.length;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      return await fn();
    } finally {
      this.#release();
    }
  }

  #acquire(): Promise<void> {
    if (this.#active < this.max) {
      this.#active++;
      return Promise.resolve();
    }
    // The slot is handed over directly in #release, so #active never dips and lets a newcomer jump the queue.
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }
}
