/** Counters the tests and benchmarks read: requests per path and status, and peak concurrency. */

export interface RequestLogSnapshot {
  total: number;
  inFlight: number;
  maxInFlight: number;
  byPath: Record<string, number>;
  byStatus: Record<string, number>;
}

export class RequestLog {
  total = 0;
  inFlight = 0;
  maxInFlight = 0;
  readonly byPath = new Map<string, number>();
  readonly byStatus = new Map<number, number>();

  begin(path: string): void {
    this.total++;
    this.byPath.set(path, (this.byPath.get(path) ?? 0) + 1);
    this.inFlight++;
    if (this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
  }

  end(status: number): void {
    this.inFlight--;
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
  }

  /** Requests whose path ends with `suffix`, e.g. `/tokens` or `/views/overview`. */
  count(suffix: string): number {
    let n = 0;
    for (const [path, c] of this.byPath) if (path.endsWith(suffix)) n += c;
    return n;
  }

  status(code: number): number {
    return this.byStatus.get(code) ?? 0;
  }

  reset(): void {
    this.total = 0;
    this.maxInFlight = this.inFlight;
    this.byPath.clear();
    this.byStatus.clear();
  }

  snapshot(): RequestLogSnapshot {
    return {
      total: this.total,
      inFlight: this.inFlight,
      maxInFlight: this.maxInFlight,
      byPath: Object.fromEntries(this.byPath),
      byStatus: Object.fromEntries([...this.byStatus].map(([k, v]) => [String(k), v])),
    };
  }
}
