import type { AlarmState } from './types.js';

/** Colours are CSS variables so themes (light, dark, kiosk) restyle every ring without re-rendering. */
export const STATE_COLOR: Record<AlarmState, string> = {
  OK: 'var(--ok)',
  WARNING: 'var(--warning)',
  CRITICAL: 'var(--critical)',
  UNKNOWN: 'var(--unknown)',
};

export const GAP_COLOR = 'transparent';
export const NEUTRAL_RING = 'conic-gradient(var(--ring-none) 0deg 360deg)';
/** Degrees of empty ring between two segments. */
export const RING_GAP_DEG = 4;

/** States come from the server; anything unexpected is drawn (and keyed) as UNKNOWN. */
export function normalizeState(state: string): AlarmState {
  return state === 'OK' || state === 'WARNING' || state === 'CRITICAL' ? state : 'UNKNOWN';
}

function deg(n: number): string {
  return `${Math.round(n * 100) / 100}deg`;
}

/**
 * A `conic-gradient()` with one segment per alarm, in the given order, separated by gaps.
 * Hard stops (each colour has a start and an end) so segments never blend.
 * Gaps shrink with the segment so a ring of many alarms keeps mostly colour.
 */
export function ringGradient(states: readonly AlarmState[], gapDeg: number = RING_GAP_DEG): string {
  const n = states.length;
  if (n === 0) return NEUTRAL_RING;
  if (n === 1) return `conic-gradient(${STATE_COLOR[normalizeState(states[0] as string)]} 0deg 360deg)`;
  const seg = 360 / n;
  const gap = Math.min(gapDeg, seg / 3);
  const half = gap / 2;
  const stops: string[] = [`${GAP_COLOR} 0deg ${deg(half)}`];
  for (let i = 0; i < n; i++) {
    const start = i * seg + half;
    const end = (i + 1) * seg - half;
    stops.push(`${STATE_COLOR[normalizeState(states[i] as string)]} ${deg(start)} ${deg(end)}`);
    const gapEnd = i === n - 1 ? 360 : end + gap;
    stops.push(`${GAP_COLOR} ${deg(end)} ${deg(gapEnd)}`);
  }
  return `conic-gradient(${stops.join(', ')})`;
}

/** A short key per state pattern (`CCWO…`): circles with the same pattern share one CSS rule. */
export function ringKey(states: readonly AlarmState[]): string {
  let key = '';
  for (const st of states) key += normalizeState(st)[0];
  return key;
}
