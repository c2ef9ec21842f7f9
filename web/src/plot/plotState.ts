/** The plot's whole view state, read from and written to the URL (`/plot?match=…&range=…&from=…&to=…&prev=1`). */
import { DEFAULT_PRESET, isPreset, type PresetName, presetRange, type TimeWindow } from './range.js';

export interface PlotState {
  /** Selectors, one query each; several draw several series in one plot. */
  matches: string[];
  /** The preset the plot starts from and goes back to on reset. */
  range: PresetName;
  /** A fixed window (custom range, zoom or pan); null follows the preset. */
  window: TimeWindow | null;
  /** Overlay the previous period. */
  prev: boolean;
}

const MS = /^-?\d{1,16}$/;

export function readPlotState(search: string): PlotState {
  const p = new URLSearchParams(search);
  const range = p.get('range');
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const fixed = MS.test(from) && MS.test(to) && Number(from) < Number(to);
  return {
    matches: p
      .getAll('match')
      .map((m) => m.trim())
      .filter((m) => m !== ''),
    range: isPreset(range) ? range : DEFAULT_PRESET,
    window: fixed ? { from: Number(from), to: Number(to) } : null,
    prev: p.get('prev') === '1',
  };
}

export function plotSearch(s: PlotState): string {
  const p = new URLSearchParams();
  for (const m of s.matches) p.append('match', m);
  p.set('range', s.range);
  if (s.window) {
    p.set('from', String(s.window.from));
    p.set('to', String(s.window.to));
  }
  if (s.prev) p.set('prev', '1');
  return `?${p.toString()}`;
}

export function plotPageHref(s: PlotState): string {
  return `/plot${plotSearch(s)}`;
}

/** The window shown at `now`: the fixed one, else the preset's. */
export function windowOf(s: PlotState, now: number): TimeWindow {
  return s.window ?? presetRange(s.range, now);
}

/** A plot of one number, as the modal opens it. */
export function plotOf(selector: string, range: PresetName = DEFAULT_PRESET): PlotState {
  return { matches: [selector], range, window: null, prev: false };
}

/** The API path of one selector's query. */
export function queryPath(match: string, w: TimeWindow, points: number): string {
  const p = new URLSearchParams({ match, from: String(w.from), to: String(w.to), points: String(points) });
  return `/series/query?${p.toString()}`;
}
