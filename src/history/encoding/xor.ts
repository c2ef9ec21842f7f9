import { endianness } from 'node:os';
import type { BitReader, BitWriter } from './bits.js';

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LO = endianness() === 'LE' ? 0 : 1;
const HI = 1 - LO;

const ctz = (x: number): number => 31 - Math.clz32(x & -x);

/** Writes the low `n` bits (1..64) of the 64-bit value hi:lo shifted right by `s`. */
function writeShifted(w: BitWriter, hi: number, lo: number, s: number, n: number): void {
  let sh = hi;
  let sl = lo;
  if (s >= 32) {
    sl = hi >>> (s - 32);
    sh = 0;
  } else if (s > 0) {
    sl = ((lo >>> s) | (hi << (32 - s))) >>> 0;
    sh = hi >>> s;
  }
  if (n > 32) {
    w.write(sh, n - 32);
    w.write(sl, 32);
  } else w.write(sl, n);
}

/**
 * Gorilla XOR of each value with the previous one: an unchanged value costs one bit, a change
 * reuses the previous window of meaningful bits when it fits. Any float, bit for bit.
 */
export function writeXor(w: BitWriter, v: ArrayLike<number>): void {
  if (v.length === 0) return;
  F64[0] = v[0] ?? 0;
  let ph = U32[HI] ?? 0;
  let pl = U32[LO] ?? 0;
  w.write(ph, 32);
  w.write(pl, 32);
  let pLead = -1;
  let pTrail = 0;
  for (let i = 1; i < v.length; i++) {
    F64[0] = v[i] ?? 0;
    const hi = U32[HI] ?? 0;
    const lo = U32[LO] ?? 0;
    const xh = (hi ^ ph) >>> 0;
    const xl = (lo ^ pl) >>> 0;
    ph = hi;
    pl = lo;
    if (xh === 0 && xl === 0) {
      w.write(0, 1);
      continue;
    }
    const lead = xh !== 0 ? Math.clz32(xh) : 32 + Math.clz32(xl);
    const trail = xl !== 0 ? ctz(xl) : 32 + ctz(xh);
    if (pLead >= 0 && lead >= pLead && trail >= pTrail) {
      w.write(0b10, 2);
      writeShifted(w, xh, xl, pTrail, 64 - pLead - pTrail);
    } else {
      const n = 64 - lead - trail;
      w.write((0b11 << 12) | (lead << 6) | (n - 1), 14);
      writeShifted(w, xh, xl, trail, n);
      pLead = lead;
      pTrail = trail;
    }
  }
}

export function readXor(r: BitReader, n: number, out: Float64Array): void {
  if (n === 0) return;
  let hi = r.read(32);
  let lo = r.read(32);
  U32[HI] = hi;
  U32[LO] = lo;
  out[0] = F64[0] ?? 0;
  let lead = 0;
  let trail = 0;
  for (let i = 1; i < n; i++) {
    if (r.readBit() === 1) {
      if (r.readBit() === 1) {
        lead = r.read(6);
        trail = 64 - lead - (r.read(6) + 1);
      }
      const len = 64 - lead - trail;
      const sh = len > 32 ? r.read(len - 32) : 0;
      const sl = len > 32 ? r.read(32) : r.read(len);
      let xh = sh;
      let xl = sl;
      if (trail >= 32) {
        xh = (sl << (trail - 32)) >>> 0;
        xl = 0;
      } else if (trail > 0) {
        xh = ((sh << trail) | (sl >>> (32 - trail))) >>> 0;
        xl = (sl << trail) >>> 0;
      }
      hi = (hi ^ xh) >>> 0;
      lo = (lo ^ xl) >>> 0;
    }
    U32[HI] = hi;
    U32[LO] = lo;
    out[i] = F64[0] ?? 0;
  }
}
