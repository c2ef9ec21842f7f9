import type { AlarmCounts, OverviewEntity, SourceStatus } from './types.js';

export type Health = 'critical' | 'warning' | 'unknown' | 'ok' | 'none';

/** A server's overall health: its worst alarm, or `none` when it has no alarms. */
export function healthOf(c: AlarmCounts): Health {
  if (c.critical > 0) return 'critical';
  if (c.warning > 0) return 'warning';
  if (c.unknown > 0) return 'unknown';
  if (c.total > 0) return 'ok';
  return 'none';
}

const HEALTH_ORDER: Health[] = ['critical', 'warning', 'unknown', 'ok', 'none'];
const HEALTH_WORDS: Record<Health, string> = {
  critical: 'critical',
  warning: 'warning',
  unknown: 'unknown',
  ok: 'ok',
  none: 'no alarms',
};

/** Servers of an account by their worst state, e.g. `12 critical · 3 warning · 980 ok`. Zeros are left out. */
export function summarize(entities: readonly OverviewEntity[]): string {
  if (entities.length === 0) return 'no servers';
  const n: Record<Health, number> = { critical: 0, warning: 0, unknown: 0, ok: 0, none: 0 };
  for (const e of entities) n[healthOf(e.counts)]++;
  return HEALTH_ORDER.filter((h) => n[h] > 0)
    .map((h) => `${n[h]} ${HEALTH_WORDS[h]}`)
    .join(' · ');
}

/** e.g. `web-01: 3 of 5 alarms OK, 1 critical, 1 warning`. */
export function entityAriaLabel(e: OverviewEntity): string {
  const c = e.counts;
  if (c.total === 0) return `${e.label}: no alarms`;
  const parts = [`${e.label}: ${c.ok} of ${c.total} alarms OK`];
  if (c.critical > 0) parts.push(`${c.critical} critical`);
  if (c.warning > 0) parts.push(`${c.warning} warning`);
  if (c.unknown > 0) parts.push(`${c.unknown} unknown`);
  return parts.join(', ');
}

/** Case-insensitive substring match on the label; an empty or blank filter keeps everything. */
export function filterEntities<T extends { label: string }>(entities: readonly T[], q: string): readonly T[] {
  const needle = q.trim().toLowerCase();
  if (needle === '') return entities;
  return entities.filter((e) => e.label.toLowerCase().includes(needle));
}

/** What a circle shows; two entities with the same signature render identically. */
export function entitySignature(e: OverviewEntity): string {
  const c = e.counts;
  const states = e.states ? e.states.join(',') : `${c.critical}/${c.warning}/${c.unknown}`;
  return `${e.label}\u0000${c.ok}/${c.total}\u0000${states}`;
}

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString();
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Coarse relative time: `just now`, `5 min ago`, `3 h ago`, `2 days ago`, `in 5 min`. */
export function formatRelative(ms: number, now: number): string {
  const diff = now - ms;
  const abs = Math.abs(diff);
  if (abs < 45_000) return 'just now';
  let text: string;
  if (abs < HOUR) text = `${Math.round(abs / MINUTE)} min`;
  else if (abs < DAY) text = `${Math.round(abs / HOUR)} h`;
  else {
    const d = Math.round(abs / DAY);
    text = `${d} ${d === 1 ? 'day' : 'days'}`;
  }
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

/** Pure: the words a source status is shown with. */
export function statusText(s: SourceStatus): string {
  switch (s.state) {
    case 'ok':
      return 'ok';
    case 'pending':
      return 'pending';
    case 'error':
      return s.message ? `error: ${s.message}` : 'error';
    case 'stale':
      return s.lastSuccessAt !== null ? `stale since ${formatTime(s.lastSuccessAt)}` : 'stale';
    default:
      return String(s.state);
  }
}

/** A short wait for people: `42 s`, `2 min 5 s`, `1 h 3 min`. */
export function formatWait(totalSec: number): string {
  const s = Math.max(0, Math.ceil(totalSec));
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A time the server sent as ms or an ISO string; `—` when missing or unreadable. */
export function formatWhen(v: number | string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  const t = new Date(v).getTime();
  return Number.isFinite(t) ? formatTime(t) : '—';
}

/** A span for people, two units at most: `45 s`, `5 min`, `2 h 5 min`, `3 d 4 h`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}

/** Alarm counts of an account: the sum over its servers. */
/** A server's alarms by state, as the server counts them (anything else is unknown). */
export function countAlarms(alarms: readonly { state: string }[]): AlarmCounts {
  const c: AlarmCounts = { ok: 0, warning: 0, critical: 0, unknown: 0, total: alarms.length };
  for (const a of alarms) {
    if (a.state === 'OK') c.ok++;
    else if (a.state === 'WARNING') c.warning++;
    else if (a.state === 'CRITICAL') c.critical++;
    else c.unknown++;
  }
  return c;
}

export function alarmTotals(entities: readonly { counts: AlarmCounts }[]): AlarmCounts {
  const t: AlarmCounts = { ok: 0, warning: 0, critical: 0, unknown: 0, total: 0 };
  for (const e of entities) {
    t.ok += e.counts.ok;
    t.warning += e.counts.warning;
    t.critical += e.counts.critical;
    t.unknown += e.counts.unknown;
    t.total += e.counts.total;
  }
  return t;
}
