/**
 * Failed logins counted per user and per address in a sliding window; past the limit the key is
 * refused until its oldest failure leaves the window. In memory: several instances behind a load
 * balancer each count their own (documented; Redis would share it).
 */
export class LoginLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before `key` may try again (0 = may try now). */
  retryAfter(key: string, max: number): number {
    const recent = this.#recent(key);
    if (recent.length < max) return 0;
    const oldest = recent[recent.length - max] as number;
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    const recent = this.#recent(key);
    recent.push(this.now());
    this.#failures.set(key, recent);
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.#failures.delete(key);
    return list;
  }
}
