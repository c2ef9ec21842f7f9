/** A series is a metric name plus labels, as in Prometheus. */
export type Labels = Record<string, string>;

export interface SeriesId {
  name: string;
  labels: Labels;
}

export const METRIC_NAME_RE = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
export const LABEL_NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Escapes a label value the way the Prometheus text format does (`\\`, `\"`, `\n`). */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** `name{a="x",b="y"}` with the labels in the order given: a line of Prometheus text as written. */
export function formatSeries(name: string, labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  return `${name}{${parts.join(',')}}`;
}

/**
 * The canonical text of a series: labels sorted by name, empty values dropped (Prometheus treats
 * an empty label as an absent one). Two writes of the same series always give the same key.
 */
export function seriesKey(name: string, labels: Labels): string {
  const names = Object.keys(labels)
    .filter((k) => labels[k] !== '')
    .sort();
  if (names.length === 0) return name;
  return `${name}{${names.map((k) => `${k}="${escapeLabelValue(labels[k] ?? '')}"`).join(',')}}`;
}

/** Validates a series before it is stored; returns a message naming the problem, or null. */
export function seriesProblem(name: string, labels: Labels): string | null {
  if (!METRIC_NAME_RE.test(name)) return `invalid metric name "${name}"`;
  for (const k of Object.keys(labels)) {
    if (!LABEL_NAME_RE.test(k)) return `invalid label name "${k}"`;
    if (k.startsWith('__')) return `label names starting with "__" are reserved: "${k}"`;
  }
  return null;
}

/** Labels without empty values, keys sorted: what the store keeps and answers with. */
export function normalLabels(labels: Labels): Labels {
  const out: Labels = {};
  for (const k of Object.keys(labels).sort()) {
    const v = labels[k];
    if (v !== undefined && v !== '') out[k] = v;
  }
  return out;
}
