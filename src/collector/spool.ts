/**
 * Snapshots that could not be delivered, one JSON file each, replayed oldest first by the next run.
 * Crash-safe: a file appears under its final name only once fully written and fsynced (tmp +
 * rename), so a run killed mid-write leaves at most a `.tmp` file, never a truncated snapshot.
 */
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const DEFAULT_SPOOL_MAX_FILES = 1440;
export const DEFAULT_SPOOL_MAX_AGE_MS = 24 * 3600_000;
/** A `.tmp` this old belongs to a run that died, not to one writing right now. */
const STALE_TMP_MS = 3600_000;
const NAME = /^(\d{15})-([0-9a-fA-F-]{36})\.json$/;

export interface SpoolOptions {
  dir: string;
  maxFiles?: number;
  maxAgeMs?: number;
  now?: () => number;
}

export interface SpoolEntry {
  file: string;
  collectedAt: number;
  snapshotId: string;
}

export interface PruneResult {
  dropped: number;
  /** e.g. "dropped 3 spooled snapshots older than 24 h"; empty when nothing was dropped. */
  message: string;
}

/** Zero-padded epoch ms first: names sort oldest first. */
export function spoolFileName(collectedAt: number, snapshotId: string): string {
  return `${String(collectedAt).padStart(15, '0')}-${snapshotId}.json`;
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}

export class Spool {
  readonly dir: string;
  readonly #maxFiles: number;
  readonly #maxAgeMs: number;
  readonly #now: () => number;

  constructor(opts: SpoolOptions) {
    this.dir = opts.dir;
    this.#maxFiles = opts.maxFiles ?? DEFAULT_SPOOL_MAX_FILES;
    this.#maxAgeMs = opts.maxAgeMs ?? DEFAULT_SPOOL_MAX_AGE_MS;
    this.#now = opts.now ?? Date.now;
  }

  /** Creates the directory and clears temp files left by crashed runs. */
  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    for (const f of await readdir(this.dir)) {
      if (!f.endsWith('.tmp')) continue;
      const path = join(this.dir, f);
      try {
        if (this.#now() - (await stat(path)).mtimeMs > STALE_TMP_MS) await unlink(path);
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
    }
  }

  /** Oldest first. */
  async list(): Promise<SpoolEntry[]> {
    const entries: SpoolEntry[] = [];
    for (const file of (await readdir(this.dir)).sort()) {
      const m = NAME.exec(file);
      if (m?.[1] && m[2]) entries.push({ file, collectedAt: Number(m[1]), snapshotId: m[2] });
    }
    return entries;
  }

  async put(collectedAt: number, snapshotId: string, body: string): Promise<SpoolEntry> {
    const file = spoolFileName(collectedAt, snapshotId);
    const tmp = join(this.dir, `.${file}.${process.pid}.tmp`);
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(body, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, join(this.dir, file));
    await this.#syncDir();
    return { file, collectedAt, snapshotId };
  }

  /** undefined when another run already sent and removed it. */
  async read(entry: SpoolEntry): Promise<string | undefined> {
    try {
      return await readFile(join(this.dir, entry.file), 'utf8');
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async remove(entry: SpoolEntry): Promise<void> {
    try {
      await unlink(join(this.dir, entry.file));
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
  }

  /** Drops what is older than the age bound, then the oldest beyond the count bound. */
  async prune(): Promise<PruneResult> {
    const entries = await this.list();
    const cutoff = this.#now() - this.#maxAgeMs;
    const old = entries.filter((e) => e.collectedAt < cutoff);
    const rest = entries.filter((e) => e.collectedAt >= cutoff);
    const excess = rest.slice(0, Math.max(0, rest.length - this.#maxFiles));
    for (const e of [...old, ...excess]) await this.remove(e);
    const parts: string[] = [];
    if (old.length) parts.push(`${old.length} older than ${formatAge(this.#maxAgeMs)}`);
    if (excess.length) parts.push(`${excess.length} beyond ${this.#maxFiles} files`);
    const dropped = old.length + excess.length;
    return { dropped, message: dropped ? `dropped ${parts.join(' and ')} from spool ${this.dir}` : '' };
  }

  /** The rename is only durable once the directory entry is. */
  async #syncDir(): Promise<void> {
    const dh = await open(this.dir, 'r');
    try {
      await dh.sync();
    } catch {
      // Some filesystems refuse fsync on a directory; the file itself is already synced.
    } finally {
      await dh.close();
    }
  }
}

function formatAge(ms: number): string {
  return ms % 3600_000 === 0 ? `${ms / 3600_000} h` : `${Math.round(ms / 60_000)} min`;
}
