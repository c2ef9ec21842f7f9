/** The domain shared by sources, store, API and UI. */

export const ALARM_STATES = ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

/** Worst first: the order the wallboard sorts by and a ring's segments are drawn in. */
export const STATE_SEVERITY: Record<AlarmState, number> = { CRITICAL: 3, WARNING: 2, UNKNOWN: 1, OK: 0 };

export interface Alarm {
  id: string;
  label: string;
  state: AlarmState;
  /** Free text from the provider, up to 128 characters; null when it sent none. */
  status: string | null;
  /** Epoch ms of the latest state; null when the alarm has never been evaluated. */
  since: number | null;
  checkId: string;
  checkLabel: string | null;
  checkType: string | null;
}

export interface Entity {
  id: string;
  label: string;
  alarms: Alarm[];
}

export interface AlarmCounts {
  ok: number;
  warning: number;
  critical: number;
  unknown: number;
  total: number;
}

export type SourceType = 'rackspace' | 'grid';
export type SourceState = 'pending' | 'ok' | 'error' | 'stale';

export interface SourceStatus {
  state: SourceState;
  message: string | null;
  lastSuccessAt: number | null;
  lastErrorAt: number | null;
}

export function countAlarms(alarms: readonly Alarm[]): AlarmCounts {
  const counts: AlarmCounts = { ok: 0, warning: 0, critical: 0, unknown: 0, total: alarms.length };
  for (const a of alarms) {
    if (a.state === 'OK') counts.ok++;
    else if (a.state === 'WARNING') counts.warning++;
    else if (a.state === 'CRITICAL') counts.critical++;
    else counts.unknown++;
  }
  return counts;
}
