/**
 * Delivery in order: what the spool holds goes first, oldest first, and the run stops at the first
 * failure; a snapshot that cannot go now joins the spool behind the older ones.
 */
import type { Spool } from './spool.js';
import type { OutgoingSnapshot, Transport } from './transport.js';

export interface DeliveryReport {
  /** The current snapshot: delivered, spooled for later, or refused by the server. */
  current: 'delivered' | 'spooled' | 'rejected' | 'none';
  /** Why the current one was not delivered (or why replay stopped). */
  failure?: string;
  replayed: number;
  /** Spooled snapshots the server refused as invalid; they are removed, not retried. */
  rejectedFromSpool: string[];
  dropped: string[];
  waiting: number;
}

/** `current` undefined: nothing was collected this run, but the spool is still worth replaying. */
export async function deliver(
  transport: Transport,
  spool: Spool,
  current: OutgoingSnapshot | undefined,
): Promise<DeliveryReport> {
  const report: DeliveryReport = {
    current: 'none',
    replayed: 0,
    rejectedFromSpool: [],
    dropped: [],
    waiting: 0,
  };
  const pruned = await spool.prune();
  if (pruned.dropped) report.dropped.push(pruned.message);

  let blocked: string | undefined;
  for (const entry of await spool.list()) {
    const body = await spool.read(entry);
    if (body === undefined) continue;
    const grid = gridOf(body);
    const result = await transport.send({ ...entry, grid, body });
    if (result.kind === 'delivered') {
      await spool.remove(entry);
      report.replayed++;
    } else if (result.kind === 'rejected' && !result.fatal) {
      await spool.remove(entry);
      report.rejectedFromSpool.push(`${entry.file}: ${result.message}`);
    } else {
      blocked = result.message;
      break;
    }
  }

  if (current) {
    if (blocked !== undefined) {
      await spool.put(current.collectedAt, current.snapshotId, current.body);
      report.current = 'spooled';
      report.failure = blocked;
    } else {
      const result = await transport.send(current);
      if (result.kind === 'delivered') report.current = 'delivered';
      else if (result.kind === 'rejected' && !result.fatal) {
        report.current = 'rejected';
        report.failure = result.message;
      } else {
        await spool.put(current.collectedAt, current.snapshotId, current.body);
        report.current = 'spooled';
        report.failure = result.message;
      }
    }
    if (report.current === 'spooled') {
      const again = await spool.prune();
      if (again.dropped) report.dropped.push(again.message);
    }
  } else if (blocked !== undefined) {
    report.failure = blocked;
  }
  report.waiting = (await spool.list()).length;
  return report;
}

/** The routing key needs the grid; spooled files are our own snapshots, so the field is there. */
function gridOf(body: string): string {
  const m = /"grid":"([^"]*)"/.exec(body.slice(0, 200));
  if (m?.[1]) return m[1];
  try {
    return String((JSON.parse(body) as { grid?: unknown }).grid ?? 'unknown');
  } catch {
    return 'unknown';
  }
}
