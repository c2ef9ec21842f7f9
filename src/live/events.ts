import type { AlarmCounts, AlarmState, SourceStatus, SourceType } from '../model.js';
import type { GridSummary } from '../sources/grid/summary.js';

/** A server as the wallboard shows it: counts plus one state per alarm, worst first. */
export interface OverviewEntity {
  id: string;
  label: string;
  counts: AlarmCounts;
  states: AlarmState[];
}

export interface SourceSummary {
  id: string;
  name: string;
  type: SourceType;
  status: SourceStatus;
}

/** What `/api/v1/stream` sends; the names are the SSE event names. */
export type LiveEvent =
  | { type: 'source'; data: SourceSummary }
  | { type: 'source-removed'; data: { id: string } }
  | { type: 'entities'; data: { sourceId: string; upsert: OverviewEntity[]; remove: string[] } }
  | { type: 'grid'; data: { name: string; summary: GridSummary } };

export type LiveListener = (event: LiveEvent) => void;
