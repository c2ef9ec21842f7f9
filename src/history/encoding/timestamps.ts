import { type BitReader, type BitWriter, unzigzag, zigzag } from './bits.js';

/** Timestamps are epoch ms in [0, 2^47) — year 6429 — so every delta-of-delta fits 49 bits. */
export const MAX_TIMESTAMP = 2 ** 47 - 1;

export const isValidTimestamp = (t: number): boolean =>
  Number.isSafeInteger(t) && t >= 0 && t <= MAX_TIMESTAMP;

/**
 * Gorilla delta-of-delta: a regular scrape interval costs one bit per sample, jitter of a few
 * hundred ms costs 12–16 bits.
 */
export function writeTimestamps(w: BitWriter, t: ArrayLike<number>): void {
  if (t.length === 0) return;
  let prev = t[0] ?? 0;
  w.writeBig(prev, 47);
  let prevDelta = 0;
  for (let i = 1; i < t.length; i++) {
    const cur = t[i] ?? 0;
    const delta = cur - prev;
    const z = zigzag(delta - prevDelta);
    if (z === 0) w.write(0, 1);
    else if (z < 128) w.write((0b10 << 7) | z, 9);
    else if (z < 512) w.write((0b110 << 9) | z, 12);
    else if (z < 4096) w.write((0b1110 << 12) | z, 16);
    else {
      w.write(0b1111, 4);
      w.writeBig(z, 49);
    }
    prev = cur;
    prevDelta = delta;
  }
}

function readDod(r: BitReader, prefix: number): number {
  switch (prefix) {
    case 0:
      return 0;
    case 1:
      return r.read(7);
    case 2:
      return r.read(9);
    case 3:
      return r.read(12);
    default:
      return r.readBig(49);
  }
}

export function readTimestamps(r: BitReader, n: number, out: Float64Array): void {
  if (n === 0) return;
  let prev = r.readBig(47);
  out[0] = prev;
  let prevDelta = 0;
  for (let i = 1; i < n; i++) {
    const z = readDod(r, r.ones(4));
    prevDelta += unzigzag(z);
    prev += prevDelta;
    out[i] = prev;
  }
}
