/** Pure time-window helpers of the plot: presets, pan, previous period, points for a width. */

export interface TimeWindow {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const PRESETS = [
  { name: '5m', label: '5 min' },
  { name: '15m', label: '15 min' },
  { name: '1h', label: '1 h' },
  { name: '6h', label: '6 h' },
  { name: '24h', label: '24 h' },
  { name: '7d', label: '7 d' },
  { name: '30d', label: '30 d' },
  { name: '90d', label: '90 d' },
  { name: '1y', label: '1 y' },
  { name: '2y', label: '2 y' },
  { name: '5y', label: '5 y' },
  { name: 'yesterday', label: 'Yesterday' },
  { name: 'prev-week', label: 'Previous week' },
  { name: 'prev-month', label: 'Previous month' },
  { name: 'prev-year', label: 'Previous year' },
] as const;

export type PresetName = (typeof PRESETS)[number]['name'];

export const DEFAULT_PRESET: PresetName = '24h';

const DURATIONS: Partial<Record<PresetName, number>> = {
  '5m': 5 * MINUTE,
  '15m': 15 * MINUTE,
  '1h': HOUR,
  '6h': 6 * HOUR,
  '24h': DAY,
  '7d': 7 * DAY,
  '30d': 30 * DAY,
  '90d': 90 * DAY,
};

const YEARS: Partial<Record<PresetName, number>> = { '1y': 1, '2y': 2, '5y': 5 };

export function isPreset(v: string | null | undefined): v is PresetName {
  return PRESETS.some((p) => p.name === v);
}

export function presetLabel(name: PresetName): string {
  return PRESETS.find((p) => p.name === name)?.label ?? name;
}

/** The same local wall-clock time `years` earlier; 29 February becomes 28 February. */
function yearsBefore(now: number, years: number): number {
  const d = new Date(now);
  const y = d.getFullYear() - years;
  const m = d.getMonth();
  const lastDay = new Date(y, m + 1, 0).getDate();
  return new Date(
    y,
    m,
    Math.min(d.getDate(), lastDay),
    d.getHours(),
    d.getMinutes(),
    d.getSeconds(),
    d.getMilliseconds(),
  ).getTime();
}

function startOfDay(now: number): Date {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/**
 * The window of a preset at `now`, in local time: relative presets end at `now`; the calendar ones
 * ("yesterday", "previous week" — Monday to Monday —, "previous month", "previous year") are whole
 * local days, so a day across a DST change lasts 23 or 25 hours.
 */
export function presetRange(name: PresetName, now: number): TimeWindow {
  const duration = DURATIONS[name];
  if (duration !== undefined) return { from: now - duration, to: now };
  const years = YEARS[name];
  if (years !== undefined) return { from: yearsBefore(now, years), to: now };
  const today = startOfDay(now);
  const y = today.getFullYear();
  const m = today.getMonth();
  const d = today.getDate();
  switch (name) {
    case 'yesterday':
      return { from: new Date(y, m, d - 1).getTime(), to: today.getTime() };
    case 'prev-week': {
      const sinceMonday = (today.getDay() + 6) % 7;
      const monday = new Date(y, m, d - sinceMonday);
      return { from: new Date(y, m, d - sinceMonday - 7).getTime(), to: monday.getTime() };
    }
    case 'prev-month':
      return { from: new Date(y, m - 1, 1).getTime(), to: new Date(y, m, 1).getTime() };
    case 'prev-year':
      return { from: new Date(y - 1, 0, 1).getTime(), to: new Date(y, 0, 1).getTime() };
    default:
      return { from: now - DAY, to: now };
  }
}

/** Whether the preset's window moves with the clock (it then refreshes), unlike "yesterday". */
export function isRelative(name: PresetName): boolean {
  return DURATIONS[name] !== undefined || YEARS[name] !== undefined;
}

/** Half a window earlier (`dir` -1) or later (+1). */
export function panWindow(w: TimeWindow, dir: -1 | 1): TimeWindow {
  const shift = Math.round((w.to - w.from) / 2) * dir;
  return { from: w.from + shift, to: w.to + shift };
}

/** The window just before, of the same length: drawn over the current one when asked. */
export function previousWindow(w: TimeWindow): TimeWindow {
  const len = w.to - w.from;
  return { from: w.from - len, to: w.to - len };
}

/** The server refuses more buckets than this per series. */
export const MAX_POINTS = 11_000;
/** A zoom never goes below this window: 10 s. */
export const MIN_WINDOW_MS = 10_000;

/** Buckets worth asking for: one per 3 pixels of plot width (STYLE habit 8). */
export function pointsFor(widthPx: number): number {
  if (!Number.isFinite(widthPx) || widthPx <= 0) return 0;
  return Math.min(MAX_POINTS, Math.max(2, Math.round(widthPx / 3)));
}

/** A window picked by dragging, widened around its middle to at least MIN_WINDOW_MS. */
export function zoomWindow(a: number, b: number): TimeWindow {
  let from = Math.round(Math.min(a, b));
  let to = Math.round(Math.max(a, b));
  if (to - from < MIN_WINDOW_MS) {
    const mid = Math.round((from + to) / 2);
    from = mid - MIN_WINDOW_MS / 2;
    to = mid + MIN_WINDOW_MS / 2;
  }
  return { from, to };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:mm` in local time, as an `<input type="datetime-local">` shows it. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The epoch ms of a `datetime-local` value (local time), or null when it is not one. */
export function fromLocalInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const date = new Date(y as number, (mo as number) - 1, d, h, mi, s);
  if (date.getMonth() !== (mo as number) - 1 || date.getDate() !== d) return null;
  return date.getTime();
}
