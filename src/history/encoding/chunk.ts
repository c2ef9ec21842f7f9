import { BitReader, BitWriter } from './bits.js';
import { decimalScale, readDecimal, writeDecimal } from './decimal.js';
import { readTimestamps, writeTimestamps } from './timestamps.js';
import { readXor, writeXor } from './xor.js';

const FORMAT = 1;
const XOR = 0;
const DECIMAL = 1;

export interface Samples {
  t: ArrayLike<number>;
  v: ArrayLike<number>;
}

export interface DecodedColumns {
  t: Float64Array;
  cols: Float64Array[];
}

/**
 * One chunk: timestamps shared by one or more value columns (raw: one; rollups: min, max, sum,
 * count, last). Layout: a format byte, then a bit stream of count (32 bits), column count
 * (4 bits), timestamps, and per column a mode bit and its values.
 */
export function encodeColumns(t: ArrayLike<number>, cols: ArrayLike<number>[]): Uint8Array {
  const w = new BitWriter(16 + t.length);
  w.write(FORMAT, 8);
  w.write(t.length, 32);
  w.write(cols.length, 4);
  writeTimestamps(w, t);
  for (const col of cols) {
    if (col.length !== t.length) throw new Error('every column needs one value per timestamp');
    const k = decimalScale(col);
    if (k < 0) {
      w.write(XOR, 1);
      writeXor(w, col);
    } else {
      w.write(DECIMAL, 1);
      writeDecimal(w, col, k);
    }
  }
  return w.finish();
}

/**
 * Decodes a chunk. A chunk may hold several segments one after the other, each a whole encoding
 * on its own (an open chunk is kept that way: appending a segment needs no re-encoding); their
 * rows are concatenated.
 */
export function decodeColumns(buf: Uint8Array): DecodedColumns {
  const first = decodeSegment(buf, 0);
  if (first.next >= buf.length) return first;
  const segs = [first];
  let n = first.t.length;
  for (let at = first.next; at < buf.length; ) {
    const seg = decodeSegment(buf, at);
    if (seg.cols.length !== first.cols.length) throw new Error('chunk segments differ in columns');
    segs.push(seg);
    n += seg.t.length;
    at = seg.next;
  }
  const t = new Float64Array(n);
  const cols = first.cols.map(() => new Float64Array(n));
  let off = 0;
  for (const seg of segs) {
    t.set(seg.t, off);
    seg.cols.forEach((c, i) => {
      cols[i]?.set(c, off);
    });
    off += seg.t.length;
  }
  return { t, cols };
}

function decodeSegment(buf: Uint8Array, at: number): DecodedColumns & { next: number } {
  const r = new BitReader(buf, at);
  const format = r.read(8);
  if (format !== FORMAT) throw new Error(`unknown chunk format ${format}`);
  const n = r.read(32);
  const ncols = r.read(4);
  const t = new Float64Array(n);
  readTimestamps(r, n, t);
  const cols: Float64Array[] = [];
  for (let c = 0; c < ncols; c++) {
    const col = new Float64Array(n);
    if (r.readBit() === XOR) readXor(r, n, col);
    else readDecimal(r, n, col);
    cols.push(col);
  }
  return { t, cols, next: r.nextByte };
}

/** Segments side by side: one chunk. */
export function concatSegments(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Raw samples: timestamps (ms) and values (any float64, bit for bit). */
export function encodeChunk(samples: Samples): Uint8Array {
  return encodeColumns(samples.t, [samples.v]);
}

export function decodeChunk(buf: Uint8Array): { t: Float64Array; v: Float64Array } {
  const { t, cols } = decodeColumns(buf);
  return { t, v: cols[0] ?? new Float64Array(0) };
}
