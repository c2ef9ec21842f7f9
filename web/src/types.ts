/** Shapes of the /api/v1 contract as the browser sees them (kept apart from server code on purpose). */

import type { Role } from './auth.js';

export type AlarmState = 'OK' | 'WARNING' | 'CRITICAL' | 'UNKNOWN';
export type SourceState = 'pending' | 'ok' | 'error' | 'stale';

export interface SourceStatus {
  state: SourceState;
  message: string | null;
  lastSuccessAt: number | null;
  lastErrorAt: number | null;
}

export interface AlarmCounts {
  ok: number;
  warning: number;
  critical: number;
  unknown: number;
  total: number;
}

export interface OverviewEntity {
  id: string;
  label: string;
  counts: AlarmCounts;
  /** One state per alarm, worst first. Optional so an older server still renders. */
  states?: AlarmState[];
}

export interface OverviewSource {
  id: string;
  name: string;
  type: string;
  status: SourceStatus;
  entities: OverviewEntity[];
}

export interface Overview {
  generatedAt: number;
  /** Set when this is the board as it was at that moment (time travel), epoch ms. */
  at?: number;
  sources: OverviewSource[];
}

export interface SourceConfigView {
  username: string;
  authMethod: 'apiKey' | 'password';
  identityUrl: string;
  pollIntervalSec: number;
}

export interface SourceView {
  id: string;
  name: string;
  type: string;
  config: SourceConfigView;
  status: SourceStatus;
  createdAt: number;
}

export interface NewSource {
  type: 'rackspace';
  name: string;
  config: {
    username: string;
    apiKey?: string;
    password?: string;
    identityUrl?: string;
    pollIntervalSec?: number;
  };
}

export interface TestResult {
  ok: boolean;
  error?: string;
}

export interface AlarmView {
  id: string;
  label: string;
  state: AlarmState;
  status: string | null;
  since: number | null;
  checkId: string;
  checkLabel: string | null;
  checkType: string | null;
}

export interface EntityDetail {
  id: string;
  label: string;
  sourceId: string;
  sourceName: string;
  alarms: AlarmView[];
}

export interface SourceEventData {
  id: string;
  name: string;
  type: string;
  status: SourceStatus;
}

export interface EntitiesEventData {
  sourceId: string;
  upsert: OverviewEntity[];
  remove: string[];
}

export interface UserView {
  id: string;
  username: string;
  role: Role;
  createdAt: number | string;
}

export interface TokenView {
  id: string;
  name: string;
  scopes: string[];
  createdAt: number | string;
  lastUsedAt: number | string | null;
}

export interface CreatedToken {
  token: TokenView;
  /** Shown once: the server keeps only a hash. */
  secret: string;
}

export interface AuditEntry {
  id: string | number;
  /** ms since the epoch. */
  at: number;
  actor: string;
  action: string;
  target: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: string | number | null;
}
