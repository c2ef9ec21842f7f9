/**
 * `cmon collect`: a Sensu/Nagios check. Exactly one status line on stdout, then optional metric
 * lines; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. Details for humans go to stderr.
 */
import { UsageError } from '../cli/args.js';
import { seriesOf, summarize } from '../sources/grid/summary.js';
import { collectSnapshot } from './collect.js';
import { type DeliveryReport, deliver } from './deliver.js';
import { oneLine } from './errors.js';
import { formatMetrics } from './metrics.js';
import { type CollectConfig, parseCollectArgs, USAGE } from './options.js';
import { Spool } from './spool.js';
import type { Transport } from './transport.js';
import { AmqpTransport } from './transport-amqp.js';
import { HttpTransport } from './transport-http.js';

export const OK = 0;
export const WARNING = 1;
export const CRITICAL = 2;
export const UNKNOWN = 3;
const LABELS = ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN'] as const;

export interface CollectIo {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Ends `--loop` (tests); SIGINT/SIGTERM do the same from the shell. */
  signal?: AbortSignal;
}

export interface RunResult {
  code: number;
  line: string;
  metrics: string;
}

function makeTransport(config: CollectConfig): Transport {
  const t = config.transport;
  return t.kind === 'amqp'
    ? new AmqpTransport({ url: t.url, timeoutMs: 30_000 })
    : new HttpTransport({ server: t.server, token: t.token });
}

/** Secrets could only leak through error text we pass along; scrub them there too. */
function scrub(text: string, config: CollectConfig): string {
  const secrets: string[] = [];
  const t = config.transport;
  if (t.kind === 'http') secrets.push(t.token);
  else {
    try {
      const pw = decodeURIComponent(new URL(t.url).password);
      if (pw) secrets.push(pw, encodeURIComponent(pw));
    } catch {
      // Not a parseable URL: AmqpTransport masks it by pattern.
    }
  }
  let out = text;
  for (const s of secrets) if (s.length >= 3) out = out.split(s).join('***');
  return out;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function deliveryNotes(r: DeliveryReport): string[] {
  const notes: string[] = [];
  if (r.replayed) notes.push(`replayed ${plural(r.replayed, 'spooled snapshot')}`);
  for (const d of r.dropped) notes.push(d);
  if (r.rejectedFromSpool.length)
    notes.push(
      `server refused ${plural(r.rejectedFromSpool.length, 'spooled snapshot')}: ${r.rejectedFromSpool[0]}`,
    );
  return notes;
}

/** One collection and delivery; never throws for an operational failure (that is a status). */
export async function runOnce(config: CollectConfig, io: CollectIo = {}): Promise<RunResult> {
  const stderr = io.stderr ?? ((t: string) => process.stderr.write(t));
  const spool = new Spool({
    dir: config.spoolDir,
    maxFiles: config.spoolMaxFiles,
    maxAgeMs: config.spoolMaxAgeMs,
  });
  try {
    await spool.init();
  } catch (err) {
    return {
      code: UNKNOWN,
      line: `UNKNOWN: spool ${config.spoolDir}: ${(err as Error).message}`,
      metrics: '',
    };
  }
  const grid = config.grid;
  const { snapshot, failed } = await collectSnapshot({
    grid,
    paths: config.paths,
    limits: { timeoutMs: config.timeoutMs },
    diskPath: config.spoolDir,
  });
  for (const [what, why] of Object.entries(snapshot.partial ?? {})) stderr(`cmon collect: ${what}: ${why}\n`);
  const noData = failed.length === 3;
  const body = JSON.stringify(snapshot);
  const transport = makeTransport(config);
  let report: DeliveryReport;
  try {
    report = await deliver(
      transport,
      spool,
      noData ? undefined : { grid, snapshotId: snapshot.snapshotId, collectedAt: snapshot.collectedAt, body },
    );
  } catch (err) {
    // The spool itself failed (disk full, permissions): nothing is safe.
    return {
      code: CRITICAL,
      line: `CRITICAL: grid ${grid}: spool ${config.spoolDir}: ${(err as Error).message}`,
      metrics: '',
    };
  } finally {
    await transport.close();
  }
  for (const r of report.rejectedFromSpool) stderr(`cmon collect: dropped refused snapshot ${r}\n`);

  const what = `${plural(snapshot.jobs.length, 'job')}, ${plural(snapshot.vms.length, 'VM')}`;
  const notes = deliveryNotes(report);
  const partialNotes = Object.entries(snapshot.partial ?? {}).map(([k, v]) => `${k}: ${v}`);
  let code: number;
  let head: string;
  if (noData) {
    code = CRITICAL;
    head = `grid ${grid}: no data collected: ${partialNotes.join('; ')}`;
    if (report.failure) notes.push(`spool not replayed: ${report.failure}`);
    partialNotes.length = 0;
  } else if (report.current === 'delivered') {
    code = notes.length || partialNotes.length ? WARNING : OK;
    head = `grid ${grid}: ${what} sent via ${transport.name}`;
  } else if (report.current === 'rejected') {
    code = CRITICAL;
    head = `grid ${grid}: ${what} not sent via ${transport.name}: ${report.failure}`;
  } else {
    code = CRITICAL;
    head = `grid ${grid}: ${what} not sent via ${transport.name}: ${report.failure}; spooled (${report.waiting} waiting in ${config.spoolDir})`;
  }
  if (partialNotes.length) notes.push(`partial: ${partialNotes.join('; ')}`);
  const line = oneLine(scrub([`${LABELS[code]}: ${head}`, ...notes].join('; '), config), 1000);
  const metrics =
    config.metrics && !noData
      ? formatMetrics(
          seriesOf(summarize(snapshot, snapshot.collectedAt, Number.POSITIVE_INFINITY)),
          config.metrics,
          snapshot.collectedAt,
        )
      : '';
  return { code, line, metrics };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function stopOnSignals(external?: AbortSignal): { signal: AbortSignal; dispose: () => void } {
  const ctl = new AbortController();
  const stop = () => ctl.abort();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  external?.addEventListener('abort', stop, { once: true });
  if (external?.aborted) ctl.abort();
  return {
    signal: ctl.signal,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      external?.removeEventListener('abort', stop);
    },
  };
}

export async function runCollect(argv: string[], io: CollectIo = {}): Promise<number> {
  const stdout = io.stdout ?? ((t: string) => process.stdout.write(t));
  let config: CollectConfig | undefined;
  try {
    config = parseCollectArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    stdout(`UNKNOWN: ${oneLine(err.message)}\n`);
    return UNKNOWN;
  }
  if (!config) {
    stdout(USAGE);
    return OK;
  }
  const print = (r: RunResult) => stdout(`${r.line}\n${r.metrics}`);
  if (config.loopSeconds === undefined) {
    const result = await runOnce(config, io);
    print(result);
    return result.code;
  }
  const { signal, dispose } = stopOnSignals(io.signal);
  let last = OK;
  try {
    while (!signal.aborted) {
      const started = Date.now();
      const result = await runOnce(config, io);
      print(result);
      last = result.code;
      await sleep(Math.max(0, config.loopSeconds * 1000 - (Date.now() - started)), signal);
    }
  } finally {
    dispose();
  }
  return last;
}
