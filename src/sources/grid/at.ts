import { queryHistory } from '../../history/query.js';
import { parseSelector } from '../../history/selector.js';
import type { HistoryStore } from '../../history/store.js';
import {
  BASE_VM_STATES,
  type CloudSummary,
  emptyJobCounts,
  type GridSummary,
  type JobCounts,
} from './summary.js';

/** How far back a recorded number still counts as the value at a moment (a few collector periods). */
const LOOKBACK_MS = 10 * 60_000;
/** Buckets of a second: fine enough that the raw tier answers, so nothing after `at` leaks in. */
const POINTS = LOOKBACK_MS / 1000;

function emptyCloud(name: string): CloudSummary {
  const vms: CloudSummary['vms'] = { total: 0 };
  for (const s of BASE_VM_STATES) vms[s] = 0;
  return {
    name,
    enabled: false,
    quota: null,
    vms,
    vmTypes: {},
    slots: { claimed: 0, unclaimed: 0, total: 0 },
    idleVms: 0,
    jobs: emptyJobCounts(),
  };
}

/**
 * A grid's summary as it was at `at`, rebuilt from its recorded series: each number's last value
 * in the few minutes before. Undefined when nothing was recorded then.
 */
export async function gridSummaryAt(
  history: HistoryStore,
  grid: string,
  at: number,
): Promise<(GridSummary & { at: number }) | undefined> {
  const escaped = grid.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const answer = await queryHistory(
    history,
    parseSelector(`{__name__=~"cmon_grid_.*",grid="${escaped}"}`),
    at - LOOKBACK_MS,
    at + 1,
    POINTS,
  );
  const summary: GridSummary & { at: number } = {
    name: grid,
    collectedAt: 0,
    stale: false,
    clouds: [],
    vms: emptyCloud('').vms,
    vmTypes: {},
    jobs: emptyJobCounts(),
    jobsByOwner: {},
    at,
  };
  const clouds = new Map<string, CloudSummary>();
  const cloudOf = (name: string) => {
    let c = clouds.get(name);
    if (!c) {
      c = emptyCloud(name);
      clouds.set(name, c);
    }
    return c;
  };
  let found = false;
  for (const s of answer.series) {
    let value: number | null = null;
    for (let i = s.last.length - 1; i >= 0; i--) {
      const v = s.last[i];
      if (v !== null && v !== undefined) {
        value = v;
        summary.collectedAt = Math.max(summary.collectedAt, s.t[i] ?? 0);
        break;
      }
    }
    if (value === null) continue;
    found = true;
    const { cloud, status, state, vmtype, owner } = s.labels;
    const c = cloud ? cloudOf(cloud) : undefined;
    switch (s.name) {
      case 'cmon_grid_stale':
        summary.stale = value === 1;
        break;
      case 'cmon_grid_cloud_enabled':
        if (c) c.enabled = value === 1;
        break;
      case 'cmon_grid_cloud_quota':
        if (c) c.quota = value;
        break;
      case 'cmon_grid_idle_vms':
        if (c) c.idleVms = value;
        break;
      case 'cmon_grid_vms':
        if (status) (c ? c.vms : summary.vms)[status] = value;
        break;
      case 'cmon_grid_vms_by_type':
        if (vmtype) (c ? c.vmTypes : summary.vmTypes)[vmtype] = value;
        break;
      case 'cmon_grid_slots':
        if (c && (state === 'claimed' || state === 'unclaimed' || state === 'total')) c.slots[state] = value;
        break;
      case 'cmon_grid_jobs':
        if (status && status in summary.jobs) (c ? c.jobs : summary.jobs)[status as keyof JobCounts] = value;
        break;
      case 'cmon_grid_jobs_by_owner':
        if (owner && status && status in summary.jobs) {
          summary.jobsByOwner[owner] ??= emptyJobCounts();
          (summary.jobsByOwner[owner] as JobCounts)[status as keyof JobCounts] = value;
        }
        break;
    }
  }
  summary.clouds = [...clouds.values()].sort((a, b) => a.name.localeCompare(b.name));
  return found ? summary : undefined;
}
