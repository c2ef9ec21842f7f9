/**
 * Pure helpers of time travel: the moment shown (`?at=<ms>` in the URL), the slider's range and
 * value (the slider's value is the epoch ms it points at; its right end is "now", i.e. live),
 * the presets and the banner's words.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The `at` query parameter: a whole, non-negative epoch ms; null (live) when absent or unreadable. */
export function parseAt(search: string): number | null {
  const raw = new URLSearchParams(search).get('at');
  if (raw === null || !/^\d{1,15}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return Number.isSafeInteger(n) ? n : null;
}

/** `href` with `at` set (a moment) or removed (null: live); the path, other parameters and hash stay. */
export function withAt(href: string, at: number | null): string {
  const hashAt = href.indexOf('#');
  const hash = hashAt === -1 ? '' : href.slice(hashAt);
  const rest = hashAt === -1 ? href : href.slice(0, hashAt);
  const qAt = rest.indexOf('?');
  const path = qAt === -1 ? rest : rest.slice(0, qAt);
  const params = new URLSearchParams(qAt === -1 ? '' : rest.slice(qAt + 1));
  if (at === null) params.delete('at');
  else params.set('at', String(Math.round(at)));
  const search = params.toString();
  return `${path}${search ? `?${search}` : ''}${hash}`;
}

/** The spans the slider can cover: 7 days by default, wider when the moment shown is older. */
export const SPANS = [7 * DAY, 30 * DAY, 90 * DAY, 365 * DAY, 5 * 365 * DAY] as const;
export const DEFAULT_SPAN = SPANS[0];

/** The smallest span (at least `min`) that reaches back to `at` from `now`; the widest when none does. */
export function spanFor(now: number, at: number | null, min: number = DEFAULT_SPAN): number {
  const back = at === null ? 0 : now - at;
  for (const s of SPANS) if (s >= min && s >= back) return s;
  return Math.max(min, back, SPANS[SPANS.length - 1] as number);
}

export interface SliderRange {
  /** Epoch ms of the left end. */
  from: number;
  /** Epoch ms of the right end: now (live). */
  to: number;
  /** ms per slider step: a minute for 7 days, coarser for wider spans (≤ ~10,000 steps). */
  step: number;
}

/** The slider's range: `span` back from `now`, in whole steps so the right end is a step. */
export function sliderRange(now: number, span: number): SliderRange {
  const step = Math.max(MINUTE, Math.ceil(span / 10_080 / MINUTE) * MINUTE);
  const steps = Math.max(1, Math.ceil(span / step));
  return { from: now - steps * step, to: now, step };
}

/** The slider's value for a moment (null: live, the right end), clamped to the range. */
export function atToSlider(at: number | null, r: SliderRange): number {
  if (at === null) return r.to;
  return Math.min(r.to, Math.max(r.from, at));
}

/**
 * The moment a slider value points at: null (live) within half a step of the right end, else the
 * value clamped to the range and rounded to the ms.
 */
export function sliderToAt(value: number, r: SliderRange): number | null {
  if (!Number.isFinite(value) || value >= r.to - r.step / 2) return null;
  return Math.round(Math.max(r.from, value));
}

export interface TravelPreset {
  label: string;
  /** How far back from now; 0 is live. */
  back: number;
}

export const TRAVEL_PRESETS: readonly TravelPreset[] = [
  { label: 'now', back: 0 },
  { label: '−1 h', back: HOUR },
  { label: '−24 h', back: DAY },
  { label: '−7 d', back: 7 * DAY },
];

/** The moment a preset goes to: null (live) for "now". */
export function presetAt(p: TravelPreset, now: number): number | null {
  return p.back <= 0 ? null : now - p.back;
}

/** A moment picked in the datetime-local input: live when it is now or later. */
export function pickedAt(ms: number | null, now: number): number | null {
  if (ms === null || ms >= now) return null;
  return Math.max(0, ms);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-22 14:05:09` in local time: unambiguous whatever the browser's locale. */
export function formatLocalDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** How far back, for people: `5 min ago`, `3 h 5 min ago`, `2 d 4 h ago`. */
export function agoText(at: number, now: number): string {
  const ms = Math.max(0, now - at);
  const m = Math.floor(ms / MINUTE);
  if (m < 1) return 'less than a minute ago';
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 === 0 ? `${h} h ago` : `${h} h ${m % 60} min ago`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d ago` : `${d} d ${h % 24} h ago`;
}

/** The banner's words before its "back to live" link. */
export function pastBannerText(at: number, now: number): string {
  return `Viewing the past: ${formatLocalDateTime(at)} (${agoText(at, now)})`;
}
