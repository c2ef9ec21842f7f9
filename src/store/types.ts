import type { AlarmState, Entity, SourceStatus } from '../model.js';
import type { AuthStore } from './auth-types.js';
import type { GridStore } from './grid-types.js';

/** What a user set for an account, minus the secret (kept sealed, apart). */
export interface RackspacePublicConfig {
  username: string;
  authMethod: 'apiKey' | 'password';
  identityUrl: string;
  pollIntervalSec: number;
}

interface SourceRecordBase {
  id: string;
  name: string;
  /** The credential sealed by SecretBox; never leaves the server. Empty for grids (they push). */
  sealedSecret: string;
  status: SourceStatus;
  createdAt: number;
}

export type RackspaceSourceRecord = SourceRecordBase & { type: 'rackspace'; config: RackspacePublicConfig };
/** A grid is a source too: its clouds are the wallboard's circles, their alarms derived from snapshots. */
export type GridSourceRecord = SourceRecordBase & { type: 'grid'; config: { grid: string } };
export type SourceRecord = RackspaceSourceRecord | GridSourceRecord;

export interface AlarmTransition {
  sourceId: string;
  entityId: string;
  alarmId: string;
  from: AlarmState | null;
  to: AlarmState;
  at: number;
}

export interface EntityWrite {
  sourceId: string;
  upsert: Entity[];
  remove: string[];
  transitions: AlarmTransition[];
}

/**
 * Persistence behind cmon. Async so a PostgreSQL implementation fits the same contract
 * (`src/store/contract.ts` runs one test suite against every implementation).
 */
export interface Store {
  readonly kind: string;
  readonly auth: AuthStore;
  readonly grids: GridStore;
  init(): Promise<void>;
  close(): Promise<void>;

  createSource(source: SourceRecord): Promise<void>;
  listSources(): Promise<SourceRecord[]>;
  getSource(id: string): Promise<SourceRecord | undefined>;
  /** Removes the source and everything it owns; false when there was no such source. */
  deleteSource(id: string): Promise<boolean>;
  setSourceStatus(id: string, status: SourceStatus): Promise<void>;
  /** Replaces the source's sealed secrets in one go (key rotation). */
  updateSealedSecrets(secrets: { id: string; sealedSecret: string }[]): Promise<void>;

  /** Applies one poll's changes atomically: changed entities, removed ones, alarm transitions. */
  writeEntities(write: EntityWrite): Promise<void>;
  listEntities(sourceId: string): Promise<Entity[]>;
  listTransitions(sourceId: string, entityId: string, from: number, to: number): Promise<AlarmTransition[]>;
  /** Each alarm's state at `at` from the transition log: its last transition at or before then. */
  alarmStatesAt(
    sourceId: string,
    at: number,
  ): Promise<{ entityId: string; alarmId: string; state: AlarmState }[]>;
}
