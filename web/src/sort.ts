import type { AlarmState, AlarmView, OverviewEntity } from './types.js';

export const STATE_SEVERITY: Record<AlarmState, number> = { CRITICAL: 3, WARNING: 2, UNKNOWN: 1, OK: 0 };

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Natural label order: web-2 before web-10, case-insensitive; ids break ties so the order is total. */
export function compareLabels(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Worst first: most critical, then most warning, then most unknown, then by label. */
export function compareWorstFirst(a: OverviewEntity, b: OverviewEntity): number {
  return (
    b.counts.critical - a.counts.critical ||
    b.counts.warning - a.counts.warning ||
    b.counts.unknown - a.counts.unknown ||
    compareLabels(a.label, b.label) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Alarms of one server: worst state first, then by label. */
export function compareAlarms(a: AlarmView, b: AlarmView): number {
  return (
    (STATE_SEVERITY[b.state] ?? 1) - (STATE_SEVERITY[a.state] ?? 1) ||
    compareLabels(a.label, b.label) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** One state per alarm, worst first; derived from counts when the server sent no `states`. */
export function statesOf(e: OverviewEntity): readonly AlarmState[] {
  if (Array.isArray(e.states)) return e.states;
  const c = e.counts;
  const out: AlarmState[] = [];
  for (let i = 0; i < c.critical; i++) out.push('CRITICAL');
  for (let i = 0; i < c.warning; i++) out.push('WARNING');
  for (let i = 0; i < c.unknown; i++) out.push('UNKNOWN');
  for (let i = 0; i < c.ok; i++) out.push('OK');
  return out;
}
