import { type BitReader, type BitWriter, unzigzag, zigzag } from './bits.js';

const MAX_SCALE = 15;
/** |m| ≤ 2^49 keeps every delta-of-delta's zigzag below 2^53, i.e. exact in a double. */
const MAX_MANTISSA = 2 ** 49;
const POW10 = Array.from({ length: MAX_SCALE + 1 }, (_, k) => 10 ** k);

const fits = (v: number, p: number): boolean => {
  const m = Math.round(v * p);
  // -0 would come back as +0 from an integer: it goes to the XOR path, which keeps every bit.
  return !Object.is(m, -0) && Math.abs(m) <= MAX_MANTISSA && Object.is(m / p, v);
};

/**
 * The smallest k such that every value is exactly m / 10^k for an integer m, or -1. Most of
 * what cmon records (counts, percentages with a decimal or two) passes with k ≤ 2, and then a
 * delta costs a few bits where an XOR of the float's mantissa costs tens.
 */
export function decimalScale(v: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i] ?? 0;
    while (!fits(x, POW10[k] ?? 1)) {
      if (++k > MAX_SCALE) return -1;
    }
  }
  // A larger k can in rare cases break a value that passed a smaller one: check them all.
  const p = POW10[k] ?? 1;
  for (let i = 0; i < v.length; i++) if (!fits(v[i] ?? 0, p)) return -1;
  return k;
}

const intBits = (z: number): number => (z === 0 ? 1 : z < 16 ? 6 : z < 256 ? 11 : z < 65536 ? 20 : 57);

function writeInt(w: BitWriter, z: number): void {
  if (z === 0) w.write(0, 1);
  else if (z < 16) w.write((0b10 << 4) | z, 6);
  else if (z < 256) w.write((0b110 << 8) | z, 11);
  else if (z < 65536) w.write((0b1110 << 16) | z, 20);
  else {
    w.write(0b1111, 4);
    w.writeBig(z, 53);
  }
}

function readInt(r: BitReader): number {
  switch (r.ones(4)) {
    case 0:
      return 0;
    case 1:
      return r.read(4);
    case 2:
      return r.read(8);
    case 3:
      return r.read(16);
    default:
      return r.readBig(53);
  }
}

/**
 * Writes integers m[i] as deltas (gauges that sit still: one bit) or deltas of deltas (counters
 * growing at a steady rate: one bit), whichever is smaller for this chunk; one flag bit says which.
 */
export function writeDecimal(w: BitWriter, v: ArrayLike<number>, k: number): void {
  const p = POW10[k] ?? 1;
  const m = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) m[i] = Math.round((v[i] ?? 0) * p);
  let deltaBits = 0;
  let dodBits = 0;
  for (let i = 1; i < m.length; i++) {
    const d = (m[i] ?? 0) - (m[i - 1] ?? 0);
    deltaBits += intBits(zigzag(d));
    dodBits += intBits(zigzag(i === 1 ? d : d - ((m[i - 1] ?? 0) - (m[i - 2] ?? 0))));
  }
  const useDod = dodBits < deltaBits;
  w.write((k << 1) | (useDod ? 1 : 0), 5);
  if (m.length === 0) return;
  w.writeBig(zigzag(m[0] ?? 0), 51);
  let prevDelta = 0;
  for (let i = 1; i < m.length; i++) {
    const d = (m[i] ?? 0) - (m[i - 1] ?? 0);
    writeInt(w, zigzag(useDod ? d - prevDelta : d));
    prevDelta = d;
  }
}

export function readDecimal(r: BitReader, n: number, out: Float64Array): void {
  const head = r.read(5);
  const p = POW10[head >>> 1] ?? 1;
  const useDod = (head & 1) === 1;
  if (n === 0) return;
  let m = unzigzag(r.readBig(51));
  out[0] = m / p;
  let delta = 0;
  for (let i = 1; i < n; i++) {
    const z = unzigzag(readInt(r));
    delta = useDod ? delta + z : z;
    m += delta;
    // Counts (scale 0) need no division, and most of what cmon records is counts.
    out[i] = p === 1 ? m : m / p;
  }
}
