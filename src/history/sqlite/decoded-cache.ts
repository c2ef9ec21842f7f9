import { type DecodedColumns, decodeColumns } from '../encoding/chunk.js';
import type { Tier } from '../rollup.js';
import type { StoredChunk } from './chunks.js';

/**
 * Decoded chunks, least recently used first out, within a byte budget: a plot refreshed on a
 * wallboard, or zoomed and panned, asks for the same stored chunks again, and decoding them is
 * most of a long query. The key holds the chunk's start, end and row count; a chunk rewritten in
 * place with the same shape (a late sample replacing a value) is dropped with `forget(series)`.
 */
export class DecodedChunkCache {
  readonly #entries = new Map<string, DecodedColumns>();
  #bytes = 0;

  constructor(readonly budgetBytes: number) {}

  get(seriesId: number, tier: Tier, c: StoredChunk): DecodedColumns {
    if (this.budgetBytes <= 0) return decodeColumns(c.data);
    const key = `${seriesId}:${tier}:${c.start}:${c.end}:${c.count}`;
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const d = decodeColumns(c.data);
    const size = sizeOf(d);
    if (size > this.budgetBytes) return d;
    this.#entries.set(key, d);
    this.#bytes += size;
    for (const [k, old] of this.#entries) {
      if (this.#bytes <= this.budgetBytes) break;
      this.#entries.delete(k);
      this.#bytes -= sizeOf(old);
    }
    return d;
  }

  /** Drops every chunk of a series: its stored chunks are about to be rewritten. */
  forget(seriesId: number): void {
    const prefix = `${seriesId}:`;
    for (const [k, d] of this.#entries)
      if (k.startsWith(prefix)) {
        this.#entries.delete(k);
        this.#bytes -= sizeOf(d);
      }
  }

  get bytes(): number {
    return this.#bytes;
  }
}

const sizeOf = (d: DecodedColumns): number => d.t.byteLength * (1 + d.cols.length);
