/** The summary's series as Sensu output-metric lines (graphite_plaintext or prometheus_text). */
import { type Series, seriesKey } from '../sources/grid/summary.js';

export type MetricsFormat = 'graphite' | 'prometheus';
export const METRICS_FORMATS: readonly MetricsFormat[] = ['graphite', 'prometheus'];

/** Graphite path segments cannot hold dots or spaces (host-named grids and clouds have dots). */
function segment(v: string): string {
  return v.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
}

/**
 * `cmon.grids.<grid>[.clouds.<cloud>].<metric>[.<other label values>]`, e.g.
 * `cmon.grids.g1.clouds.uvic-west.jobs.held 3 1502302000`.
 */
export function graphitePath(s: Series): string {
  const { grid = '', cloud, ...rest } = s.labels;
  const parts = ['cmon', 'grids', segment(grid)];
  if (cloud !== undefined) parts.push('clouds', segment(cloud));
  parts.push(s.name.replace(/^cmon_grid_/, ''));
  for (const v of Object.values(rest)) parts.push(segment(v));
  return parts.join('.');
}

export function formatMetrics(series: Series[], format: MetricsFormat, atMs: number): string {
  if (format === 'graphite') {
    const ts = Math.floor(atMs / 1000);
    return series.map((s) => `${graphitePath(s)} ${s.value} ${ts}\n`).join('');
  }
  const lines: string[] = [];
  const typed = new Set<string>();
  // Exposition format wants each family's samples together; a stable sort keeps label order.
  for (const s of [...series].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!typed.has(s.name)) {
      typed.add(s.name);
      lines.push(`# TYPE ${s.name} gauge`);
    }
    lines.push(`${seriesKey(s)} ${s.value} ${atMs}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
