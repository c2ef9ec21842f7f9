import { seriesKey } from './labels.js';
import type { Selector } from './selector.js';
import type { HistoryStore } from './store.js';

export type ExportFormat = 'prometheus' | 'csv';

/** Text handed to the response at a time. */
const FLUSH_CHARS = 64 * 1024;

/** Prometheus spelling of special values; `-0` kept so that a round trip is exact. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return Object.is(v, -0) ? '-0' : String(v);
}

const csvField = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * Raw samples of the matching series with from ≤ t < to, as text, streamed.
 * `prometheus`: `name{labels} value timestamp_ms` lines, what POST /import takes back.
 * `csv`: a `series,timestamp,value` header, then one row per sample, series as its canonical
 * `name{labels}` text (quoted as CSV needs), timestamp in epoch ms.
 */
export async function* exportSamples(
  store: HistoryStore,
  selector: Selector,
  from: number,
  to: number,
  format: ExportFormat,
): AsyncGenerator<string> {
  let out = format === 'csv' ? 'series,timestamp,value\n' : '';
  for (const rec of await store.findSeries(selector)) {
    const key = seriesKey(rec.name, rec.labels);
    const prefix = format === 'csv' ? `${csvField(key)},` : `${key} `;
    // One series at a time in memory: raw retention (90 days by default) bounds it.
    const { t, v } = await store.readRaw(rec.id, from, to);
    for (let i = 0; i < t.length; i++) {
      out +=
        format === 'csv'
          ? `${prefix}${t[i]},${formatValue(v[i] ?? 0)}\n`
          : `${prefix}${formatValue(v[i] ?? 0)} ${t[i]}\n`;
      if (out.length >= FLUSH_CHARS) {
        yield out;
        out = '';
      }
    }
  }
  if (out !== '') yield out;
}
