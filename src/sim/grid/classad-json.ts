/**
 * HTCondor's `-json` writer, byte for byte (reference §1.2): `[` + ads joined by a comma alone on its
 * own line + `]`, two-space attributes sorted case-insensitively, reals always with a `.`,
 * unevaluated expressions as `"\/Expr(...)\/"`, and nothing at all when there is no ad.
 */

export type AdValue =
  | { t: 'i'; v: number }
  | { t: 'r'; v: number }
  | { t: 's'; v: string }
  | { t: 'b'; v: boolean }
  | { t: 'e'; v: string }
  | { t: 'l'; v: string[] };

export const int = (v: number): AdValue => ({ t: 'i', v });
export const real = (v: number): AdValue => ({ t: 'r', v });
export const str = (v: string): AdValue => ({ t: 's', v });
export const bool = (v: boolean): AdValue => ({ t: 'b', v });
export const expr = (v: string): AdValue => ({ t: 'e', v });
export const list = (v: string[]): AdValue => ({ t: 'l', v });

/** `%.16G` with `.0` appended when the result has neither `.` nor `E`. */
export function formatReal(v: number): string {
  if (!Number.isFinite(v))
    return `"\\/Expr(real(\\"${Number.isNaN(v) ? 'NaN' : v > 0 ? 'INF' : '-INF'}\\"))\\/"`;
  let s = v.toPrecision(16);
  if (s.includes('e')) {
    const [m = '', e = ''] = s.split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const exp = Number(e);
    s = `${mant}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    return s;
  }
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s.includes('.') ? s : `${s}.0`;
}

function quote(s: string): string {
  return JSON.stringify(s);
}

export function renderValue(value: AdValue, indent: string): string {
  switch (value.t) {
    case 'i':
      return String(Math.trunc(value.v));
    case 'r':
      return formatReal(value.v);
    case 's':
      return quote(value.v);
    case 'b':
      return value.v ? 'true' : 'false';
    case 'e':
      return `"\\/Expr(${quote(value.v).slice(1, -1)})\\/"`;
    case 'l':
      return value.v.length
        ? `[\n${value.v.map((x) => `${indent}    ${quote(x)}`).join(',\n')}\n${indent}  ]`
        : '[]';
  }
}

export function caseInsensitiveCompare(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** One ad; `attrs` must already be sorted case-insensitively. */
export function renderAd(attrs: [string, AdValue][]): string {
  return `{\n${attrs.map(([k, v]) => `  ${quote(k)}: ${renderValue(v, '')}`).join(',\n')}\n}`;
}

/** The whole listing: empty string for no ads (the real tools print nothing). */
export function renderAdList(ads: string[]): string {
  return ads.length ? `[\n${ads.join('\n,\n')}\n]\n` : '';
}

/**
 * The attributes to print: all, or only those named by `-attributes a,b` / `-af`-style projection,
 * matched case-insensitively as condor does, printed with the ad's own spelling.
 */
export function projector(all: readonly string[], wanted: string[] | undefined): string[] {
  const sorted = [...all].sort(caseInsensitiveCompare);
  if (!wanted) return sorted;
  const set = new Set(wanted.map((w) => w.toLowerCase()));
  return sorted.filter((a) => set.has(a.toLowerCase()));
}
