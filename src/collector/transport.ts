/** What a transport tells the collector about one snapshot it tried to deliver. */
export type SendResult =
  | { kind: 'delivered'; duplicate: boolean }
  /** Broker or server unreachable, 5xx, 408/429: keep it in the spool and try again next run. */
  | { kind: 'retry'; message: string }
  /**
   * The server refused it. `fatal` (bad token, 401/403) stops this run and keeps the spool for
   * when the token is fixed; otherwise the snapshot itself is bad and retrying cannot help.
   */
  | { kind: 'rejected'; message: string; fatal: boolean };

export interface OutgoingSnapshot {
  grid: string;
  snapshotId: string;
  collectedAt: number;
  /** The snapshot's JSON, exactly as it is spooled. */
  body: string;
}

export interface Transport {
  readonly name: 'amqp' | 'http';
  /** Where it sends, safe to print (no password, no token). */
  readonly target: string;
  send(msg: OutgoingSnapshot): Promise<SendResult>;
  close(): Promise<void>;
}

/** `amqp://user:***@host/vhost`: the password never reaches a log or a status line. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}
