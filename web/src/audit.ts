import type { AuditEntry } from './types.js';

/** Pure: an older page appended below, without repeating an entry that moved across the page edge. */
export function appendPage(have: readonly AuditEntry[], older: readonly AuditEntry[]): AuditEntry[] {
  const seen = new Set(have.map((e) => String(e.id)));
  return [...have, ...older.filter((e) => !seen.has(String(e.id)))];
}

function valueText(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Pure: `role: admin → viewer`-style details as one line of text (never HTML). */
export function describeDetails(details: Record<string, unknown> | null | undefined): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${valueText(v)}`)
    .join(', ');
}
