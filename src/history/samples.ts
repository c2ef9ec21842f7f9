import { isValidTimestamp } from './encoding/timestamps.js';

export interface SampleArrays {
  t: number[];
  v: number[];
}

/**
 * Valid samples in time order, one per timestamp: for equal timestamps the one written last wins.
 * Returns how many were dropped for an invalid timestamp.
 */
export function normalizeSamples(
  t: ArrayLike<number>,
  v: ArrayLike<number>,
): SampleArrays & { invalid: number } {
  let sorted = true;
  let valid = true;
  for (let i = 0; i < t.length; i++) {
    const x = t[i] ?? Number.NaN;
    if (!isValidTimestamp(x)) valid = false;
    if (i > 0 && x <= (t[i - 1] ?? 0)) sorted = false;
  }
  if (sorted && valid) return { t: Array.from(t), v: Array.from(v), invalid: 0 };
  const idx: number[] = [];
  for (let i = 0; i < t.length; i++) if (isValidTimestamp(t[i] ?? Number.NaN)) idx.push(i);
  // Array.prototype.sort is stable: among equal timestamps the input order survives.
  idx.sort((a, b) => (t[a] ?? 0) - (t[b] ?? 0));
  const out: SampleArrays = { t: [], v: [] };
  for (let j = 0; j < idx.length; j++) {
    const i = idx[j] ?? 0;
    const next = idx[j + 1];
    if (next !== undefined && t[next] === t[i]) continue;
    out.t.push(t[i] ?? 0);
    out.v.push(v[i] ?? 0);
  }
  return { ...out, invalid: t.length - idx.length };
}

/** Merges two time-ordered sample sets; on an equal timestamp `newer` wins. */
export function mergeSamples(older: SampleArrays, newer: SampleArrays): SampleArrays {
  const out: SampleArrays = { t: [], v: [] };
  let i = 0;
  let j = 0;
  while (i < older.t.length || j < newer.t.length) {
    const a = older.t[i] ?? Infinity;
    const b = newer.t[j] ?? Infinity;
    if (b <= a) {
      out.t.push(b);
      out.v.push(newer.v[j++] ?? 0);
      if (a === b) i++;
    } else {
      out.t.push(a);
      out.v.push(older.v[i++] ?? 0);
    }
  }
  return out;
}
