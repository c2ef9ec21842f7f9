/** CSV export of a query answer: exactly the API's columns, one row per series and bucket. */
import { type QueryAnswer, seriesLabel } from './answer.js';

export const CSV_HEADER = 'series,t,min,max,avg,last';

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const num = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** `null` (an empty bucket) is an empty field; numbers are written as JSON writes them. */
export function toCsv(answer: QueryAnswer): string {
  const lines = [CSV_HEADER];
  for (const s of answer.series) {
    const name = csvField(seriesLabel(s));
    for (let i = 0; i < s.t.length; i++)
      lines.push(`${name},${s.t[i]},${num(s.min[i])},${num(s.max[i])},${num(s.avg[i])},${num(s.last[i])}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
