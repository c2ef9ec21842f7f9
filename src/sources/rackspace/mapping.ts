/** Pure mapping of `GET /views/overview` values (reference §5.2) to the cmon domain. */
import type { Alarm, AlarmState, Entity } from '../../model.js';
import { RackspaceError } from './errors.js';

type Rec = Record<string, unknown>;

interface StateEntry {
  state: AlarmState;
  status: string | null;
  since: number | null;
}

/** Below this a timestamp is seconds (the docs example), not ms (real data): 1e11 ms is March 1973. */
const SECONDS_CUTOFF = 1e11;

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function text(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

function invalid(what: string): RackspaceError {
  return new RackspaceError('protocol', `Invalid response from monitoring API: ${what}`);
}

export function toState(v: unknown): AlarmState {
  const s = typeof v === 'string' ? v.toUpperCase() : '';
  return s === 'OK' || s === 'WARNING' || s === 'CRITICAL' ? s : 'UNKNOWN';
}

export function toEpochMs(v: unknown): number | null {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return null;
  return n < SECONDS_CUTOFF ? Math.round(n * 1000) : Math.round(n);
}

function stateKey(alarmId: string, checkId: string): string {
  return `${alarmId}\u0000${checkId}`;
}

/** Keeps the newer entry when an alarm shows up twice, so a stale duplicate never wins. */
function remember(map: Map<string, StateEntry>, key: string, entry: StateEntry): void {
  const prev = map.get(key);
  if (!prev || (entry.since ?? 0) >= (prev.since ?? 0)) map.set(key, entry);
}

function indexStates(raw: unknown): { byPair: Map<string, StateEntry>; byAlarm: Map<string, StateEntry> } {
  const byPair = new Map<string, StateEntry>();
  const byAlarm = new Map<string, StateEntry>();
  for (const s of arrayOf(raw)) {
    if (!isRecord(s) || typeof s.alarm_id !== 'string') continue;
    const entry: StateEntry = {
      state: toState(s.state),
      status: typeof s.status === 'string' ? s.status : null,
      since: toEpochMs(s.timestamp),
    };
    if (typeof s.check_id === 'string') remember(byPair, stateKey(s.alarm_id, s.check_id), entry);
    remember(byAlarm, s.alarm_id, entry);
  }
  return { byPair, byAlarm };
}

function indexChecks(raw: unknown): Map<string, { label: string | null; type: string | null }> {
  const checks = new Map<string, { label: string | null; type: string | null }>();
  for (const c of arrayOf(raw)) {
    if (isRecord(c) && typeof c.id === 'string')
      checks.set(c.id, { label: text(c.label), type: text(c.type) });
  }
  return checks;
}

function mapValue(value: unknown, index: number): Entity {
  if (!isRecord(value)) throw invalid(`values[${index}] is not an object`);
  const entity = value.entity;
  if (!isRecord(entity) || typeof entity.id !== 'string' || entity.id === '') {
    throw invalid(`values[${index}].entity.id is missing`);
  }
  const checks = indexChecks(value.checks);
  const { byPair, byAlarm } = indexStates(value.latest_alarm_states);
  const alarms: Alarm[] = arrayOf(value.alarms).map((a, j) => {
    // An alarm we cannot identify could hide a CRITICAL; better to show the account as broken.
    if (!isRecord(a) || typeof a.id !== 'string' || a.id === '') {
      throw invalid(`values[${index}].alarms[${j}].id is missing`);
    }
    const checkId = typeof a.check_id === 'string' ? a.check_id : '';
    const check = checks.get(checkId);
    const st = byPair.get(stateKey(a.id, checkId)) ?? byAlarm.get(a.id);
    return {
      id: a.id,
      label: text(a.label) ?? a.id,
      state: st?.state ?? 'UNKNOWN',
      status: st?.status ?? null,
      since: st?.since ?? null,
      checkId,
      checkLabel: check?.label ?? null,
      checkType: check?.type ?? null,
    };
  });
  return { id: entity.id, label: text(entity.label) ?? entity.id, alarms };
}

export function mapOverviewValues(values: unknown[]): Entity[] {
  return values.map(mapValue);
}
