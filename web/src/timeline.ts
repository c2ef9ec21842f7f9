/** Pure: an alarm timeline's strips from the server's state-change log. */
import type { AlarmState } from './types.js';

export interface Transition {
  alarmId: string;
  from: AlarmState | null;
  to: AlarmState;
  at: number;
}

export interface TimelineAnswer {
  from: number;
  to: number;
  transitions: Transition[];
}

export interface Segment {
  state: AlarmState;
  from: number;
  to: number;
}

export const TIMELINE_PRESETS = [
  { name: '24h', label: '24 h', ms: 86_400_000 },
  { name: '7d', label: '7 d', ms: 7 * 86_400_000 },
  { name: '30d', label: '30 d', ms: 30 * 86_400_000 },
] as const;

export type TimelinePreset = (typeof TIMELINE_PRESETS)[number]['name'];

export const DEFAULT_TIMELINE: TimelinePreset = '24h';

export function readTimelinePreset(v: string | null): TimelinePreset {
  return TIMELINE_PRESETS.find((p) => p.name === v)?.name ?? DEFAULT_TIMELINE;
}

export function timelineMs(p: TimelinePreset): number {
  return TIMELINE_PRESETS.find((x) => x.name === p)?.ms ?? 86_400_000;
}

/**
 * Each alarm's segments over [from, to). Before its first transition in the window an alarm is in
 * that transition's `from` state (none when it is null: the alarm did not exist yet); with no
 * transition at all it is in its current state the whole window. Touching segments of one state merge.
 */
export function segments(
  transitions: readonly Transition[],
  alarmIds: readonly string[],
  from: number,
  to: number,
  currentStates: ReadonlyMap<string, AlarmState>,
): Map<string, Segment[]> {
  const byAlarm = new Map<string, Transition[]>();
  for (const id of alarmIds) byAlarm.set(id, []);
  for (const t of transitions) byAlarm.get(t.alarmId)?.push(t);
  const out = new Map<string, Segment[]>();
  for (const id of alarmIds) {
    const list = (byAlarm.get(id) ?? []).slice().sort((a, b) => a.at - b.at);
    const inWindow = list.filter((t) => t.at >= from && t.at < to);
    const before = list.filter((t) => t.at < from).pop();
    let state: AlarmState | null = before
      ? before.to
      : inWindow.length > 0
        ? (inWindow[0] as Transition).from
        : (currentStates.get(id) ?? null);
    let cursor = from;
    const segs: Segment[] = [];
    const push = (end: number) => {
      if (state === null || end <= cursor) return;
      const prev = segs[segs.length - 1];
      if (prev && prev.state === state && prev.to === cursor) prev.to = end;
      else segs.push({ state, from: cursor, to: end });
    };
    for (const t of inWindow) {
      push(t.at);
      state = t.to;
      cursor = Math.max(cursor, t.at);
    }
    push(to);
    out.set(id, segs);
  }
  return out;
}
