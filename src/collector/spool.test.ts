import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Spool, spoolFileName } from './spool.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'cmon-spool-'));
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('Spool', () => {
  it('lists oldest first whatever the write order, and reads back the exact body', async () => {
    const spool = new Spool({ dir: tmp(), now: () => 10_000 });
    await spool.init();
    await spool.put(9_000, id(3), '{"n":3}');
    await spool.put(900, id(1), '{"n":1}');
    await spool.put(5_000, id(2), '{"n":2}');
    const entries = await spool.list();
    expect(entries.map((e) => e.snapshotId)).toEqual([id(1), id(2), id(3)]);
    expect(await spool.read(entries[0] as (typeof entries)[0])).toBe('{"n":1}');
  });

  it('names sort by time even across digit counts', () => {
    expect(spoolFileName(999, id(1)) < spoolFileName(1_000, id(0))).toBe(true);
  });

  it('drops the oldest beyond the count bound and says so', async () => {
    const dir = tmp();
    const spool = new Spool({ dir, maxFiles: 2, now: () => 10_000 });
    await spool.init();
    for (let i = 1; i <= 4; i++) await spool.put(i * 1000, id(i), '{}');
    const result = await spool.prune();
    expect(result.dropped).toBe(2);
    expect(result.message).toBe(`dropped 2 beyond 2 files from spool ${dir}`);
    expect((await spool.list()).map((e) => e.snapshotId)).toEqual([id(3), id(4)]);
  });

  it('drops what is older than the age bound', async () => {
    const now = 100 * 3600_000;
    const spool = new Spool({ dir: tmp(), maxAgeMs: 24 * 3600_000, now: () => now });
    await spool.init();
    await spool.put(now - 25 * 3600_000, id(1), '{}');
    await spool.put(now - 23 * 3600_000, id(2), '{}');
    const result = await spool.prune();
    expect(result).toMatchObject({
      dropped: 1,
      message: expect.stringMatching(/^dropped 1 older than 24 h/),
    });
    expect((await spool.list()).map((e) => e.snapshotId)).toEqual([id(2)]);
    expect(await spool.prune()).toEqual({ dropped: 0, message: '' });
  });

  it('a write cut short leaves only a .tmp, never listed, cleared once stale', async () => {
    const dir = tmp();
    const spool = new Spool({ dir, now: () => Date.now() });
    await spool.init();
    // What a crash between write and rename leaves behind.
    const tmpFile = join(dir, `.${spoolFileName(1, id(1))}.123.tmp`);
    writeFileSync(tmpFile, '{"trunc');
    expect(await spool.list()).toEqual([]);
    await spool.init();
    expect(readdirSync(dir)).toContain(`.${spoolFileName(1, id(1))}.123.tmp`);
    const old = (Date.now() - 2 * 3600_000) / 1000;
    utimesSync(tmpFile, old, old);
    await spool.init();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('put leaves no temp file behind; remove and read tolerate a file already gone', async () => {
    const dir = tmp();
    const spool = new Spool({ dir });
    await spool.init();
    const entry = await spool.put(1, id(1), '{}');
    expect(readdirSync(dir)).toEqual([entry.file]);
    await spool.remove(entry);
    await spool.remove(entry);
    expect(await spool.read(entry)).toBeUndefined();
  });
});
