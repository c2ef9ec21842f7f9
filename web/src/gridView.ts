/** Pure helpers of the grid pages: paths, columns, ages, and the list state kept in the URL. */
import type { CloudSummary, GridSummary, JobCounts, VmCounts } from './gridTypes.js';
import { compareLabels } from './sort.js';

export function gridsPath(): string {
  return '/grids';
}

export function gridPath(grid: string): string {
  return `/grids/${encodeURIComponent(grid)}`;
}

export function cloudPath(grid: string, cloud: string): string {
  return `${gridPath(grid)}/clouds/${encodeURIComponent(cloud)}`;
}

export function vmPath(grid: string, id: string): string {
  return `${gridPath(grid)}/vms/${encodeURIComponent(id)}`;
}

export function jobPath(grid: string, id: string): string {
  return `${gridPath(grid)}/jobs/${encodeURIComponent(id)}`;
}

/** The summary columns for jobs, in the order the summary shows them (then `total`). */
export const JOB_COLUMNS = [
  'idle',
  'running',
  'held',
  'completed',
  'removed',
  'suspended',
] as const satisfies readonly (keyof JobCounts)[];

/** Every raw status a job can have (the jobs list filters on these or on the summary ones). */
export const JOB_STATUSES = [
  'idle',
  'running',
  'held',
  'completed',
  'removed',
  'suspended',
  'transferring_output',
] as const;

const BASE_VM_STATES = ['starting', 'running', 'retiring', 'error'];

/** One column per VM state seen in any of the counts: the usual four first, then the rest by name. */
export function vmStateColumns(counts: readonly VmCounts[]): string[] {
  const seen = new Set<string>();
  for (const c of counts) for (const k of Object.keys(c)) if (k !== 'total') seen.add(k);
  const extra = [...seen].filter((s) => !BASE_VM_STATES.includes(s)).sort();
  return [...BASE_VM_STATES, ...extra];
}

/** Owners with the most jobs first, then by name. */
export function ownersByJobs(byOwner: Record<string, JobCounts>): string[] {
  return Object.keys(byOwner).sort(
    (a, b) => (byOwner[b]?.total ?? 0) - (byOwner[a]?.total ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  );
}

export function findCloud(summary: GridSummary | null, cloud: string): CloudSummary | null {
  return summary?.clouds.find((c) => c.name === cloud) ?? null;
}

/**
 * The summary to show: the stream's when it is at least as new as the fetched one (the stream also
 * reports a grid turning stale, with the same `collectedAt`), else the fetched one.
 */
export function pickSummary(fetched: GridSummary | null, streamed: GridSummary | null): GridSummary | null {
  if (!streamed) return fetched;
  if (!fetched) return streamed;
  return streamed.collectedAt >= fetched.collectedAt ? streamed : fetched;
}

/** Fetched summaries with the stream's newer ones on top, plus grids only the stream has seen yet. */
export function mergeGrids(
  fetched: readonly GridSummary[],
  streamed: Readonly<Record<string, GridSummary>>,
): GridSummary[] {
  const byName = new Map<string, GridSummary>();
  for (const g of fetched) byName.set(g.name, g);
  for (const [name, g] of Object.entries(streamed)) {
    const best = pickSummary(byName.get(name) ?? null, g);
    if (best) byName.set(name, best);
  }
  return [...byName.values()].sort((a, b) => compareLabels(a.name, b.name));
}

/** Age of a snapshot to the second while it is fresh: `35 s ago`, `2 min ago`, `1 h 5 min ago`, `3 days ago`. */
export function formatAge(ms: number, now: number): string {
  const s = Math.floor((now - ms) / 1000);
  if (s < 1) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 === 0 ? `${h} h ago` : `${h} h ${m % 60} min ago`;
  const d = Math.floor(h / 24);
  return `${d} ${d === 1 ? 'day' : 'days'} ago`;
}

export type Order = 'asc' | 'desc';

/** One sortable, filterable, paged table's state, read from URL parameters starting with `prefix`. */
export interface ListState {
  sort: string | null;
  order: Order;
  /** The select (VM state or job status); '' for all. */
  filter: string;
  /** The text box. */
  q: string;
  /** 1-based. */
  page: number;
}

export interface ListKeys {
  sort: string;
  order: string;
  filter: string;
  q: string;
  page: string;
}

/** `vm` → `vm_sort`, `vm_order`, `vm_state` (filter named by `filterName`), `vm_q`, `vm_page`. */
export function listKeys(prefix: string, filterName: string): ListKeys {
  return {
    sort: `${prefix}_sort`,
    order: `${prefix}_order`,
    filter: `${prefix}_${filterName}`,
    q: `${prefix}_q`,
    page: `${prefix}_page`,
  };
}

export function readList(params: URLSearchParams, keys: ListKeys): ListState {
  const page = Number.parseInt(params.get(keys.page) ?? '', 10);
  return {
    sort: params.get(keys.sort) || null,
    order: params.get(keys.order) === 'desc' ? 'desc' : 'asc',
    filter: params.get(keys.filter) ?? '',
    q: params.get(keys.q) ?? '',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/**
 * The API path of one page of a list: `base?cloud=…&state=…&q=…&sort=…&order=…&limit=…&offset=…`.
 * `fixed` are filters the page itself sets (e.g. the cloud); `filterName` is the API's name of the select.
 */
export function listApiPath(
  base: string,
  fixed: Record<string, string>,
  state: ListState,
  filterName: string,
  limit: number,
): string {
  const p = new URLSearchParams(fixed);
  if (state.filter) p.set(filterName, state.filter);
  if (state.q.trim()) p.set('q', state.q.trim());
  if (state.sort) {
    p.set('sort', state.sort);
    p.set('order', state.order);
  }
  p.set('limit', String(limit));
  p.set('offset', String((state.page - 1) * limit));
  return `${base}?${p.toString()}`;
}

export type Patch = Record<string, string | null>;

/**
 * Clicking a column header: a new column sorts ascending, the current one flips. `defaultSort` is the
 * column the server sorts by when none is asked for (shown as sorted ascending). Back to page 1.
 */
export function sortPatch(keys: ListKeys, state: ListState, field: string, defaultSort: string): Patch {
  const current = state.sort ?? defaultSort;
  const order: Order = current === field && state.order === 'asc' ? 'desc' : 'asc';
  return { [keys.sort]: field, [keys.order]: order === 'asc' ? null : 'desc', [keys.page]: null };
}

/** aria-sort of a column header. */
export function ariaSort(
  state: ListState,
  field: string,
  defaultSort: string,
): 'ascending' | 'descending' | 'none' {
  if ((state.sort ?? defaultSort) !== field) return 'none';
  return state.order === 'desc' ? 'descending' : 'ascending';
}

/** A changed filter shows its first page. */
export function filterPatch(keys: ListKeys, which: 'filter' | 'q', value: string): Patch {
  return { [keys[which]]: value === '' ? null : value, [keys.page]: null };
}

export function pagePatch(keys: ListKeys, page: number): Patch {
  return { [keys.page]: page <= 1 ? null : String(page) };
}

/** `?a=1&b=2` with `patch` applied (null or '' removes a key); '' when nothing is left. */
export function patchSearch(search: string, patch: Patch): string {
  const p = new URLSearchParams(search);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === '') p.delete(k);
    else p.set(k, v);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** `101–200 of 1,234`, or `none` for an empty list. */
export function rangeText(offset: number, count: number, total: number): string {
  if (total === 0 || count === 0) return total === 0 ? 'none' : `none of ${total.toLocaleString()}`;
  return `${(offset + 1).toLocaleString()}–${(offset + count).toLocaleString()} of ${total.toLocaleString()}`;
}

export function pageCount(total: number, limit: number): number {
  return Math.max(1, Math.ceil(total / limit));
}

/** One column per VM type seen in any of the counts, by name ('' — no type — last). */
export function vmTypeColumns(counts: readonly (Record<string, number> | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const c of counts) for (const k of Object.keys(c ?? {})) seen.add(k);
  return [...seen].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : compareLabels(a, b)));
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function numbers(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof v !== 'object' || v === null) return out;
  for (const [k, n] of Object.entries(v)) out[k] = num(n);
  return out;
}

function jobCounts(v: unknown): JobCounts {
  const o = numbers(v);
  return {
    idle: o.idle ?? 0,
    running: o.running ?? 0,
    held: o.held ?? 0,
    completed: o.completed ?? 0,
    removed: o.removed ?? 0,
    suspended: o.suspended ?? 0,
    total: o.total ?? 0,
  };
}

function vmCounts(v: unknown): VmCounts {
  const o = numbers(v);
  return { ...o, total: o.total ?? 0 };
}

/**
 * A grid summary as it was (`?at=`), rebuilt by the server from the recorded series: the fields it
 * cannot know are omitted or zero, so fill them in (zeros, empty maps, quota unknown, enabled).
 */
export function normalizeGridSummary(raw: Partial<GridSummary> & { name: string }): GridSummary {
  const r = raw as Record<string, unknown> & { name: string };
  const clouds = Array.isArray(r.clouds) ? (r.clouds as Partial<CloudSummary>[]) : [];
  const owners: Record<string, JobCounts> = {};
  if (typeof r.jobsByOwner === 'object' && r.jobsByOwner !== null)
    for (const [o, c] of Object.entries(r.jobsByOwner)) owners[o] = jobCounts(c);
  const out: GridSummary = {
    name: r.name,
    collectedAt: num(r.collectedAt),
    stale: r.stale === true,
    clouds: clouds
      .filter((c) => typeof c?.name === 'string')
      .map((c) => {
        const slots = numbers(c.slots);
        return {
          name: c.name as string,
          enabled: c.enabled !== false,
          quota: typeof c.quota === 'number' ? c.quota : null,
          vms: vmCounts(c.vms),
          slots: { claimed: slots.claimed ?? 0, unclaimed: slots.unclaimed ?? 0, total: slots.total ?? 0 },
          idleVms: num(c.idleVms),
          jobs: jobCounts(c.jobs),
          vmTypes: numbers(c.vmTypes),
        };
      }),
    vms: vmCounts(r.vms),
    jobs: jobCounts(r.jobs),
    jobsByOwner: owners,
    vmTypes: numbers(r.vmTypes),
  };
  if (typeof r.at === 'number') out.at = r.at;
  return out;
}
