/**
 * Prometheus series selectors for the numbers of a grid summary; every number links to its history
 * plot. Names and labels mirror the server's `seriesOf` (src/sources/grid/summary.ts) exactly.
 */

/** A label value inside `"…"`: backslash, double quote and newline escaped as Prometheus reads them. */
export function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `name{a="x",b="y"}` with the labels in the order given; labels whose value is undefined are left out. */
export function seriesSelector(
  name: string,
  labels: readonly (readonly [string, string | undefined])[],
): string {
  const parts: string[] = [];
  for (const [k, v] of labels) if (v !== undefined) parts.push(`${k}="${escapeLabelValue(v)}"`);
  return `${name}{${parts.join(',')}}`;
}

/** The history plot of one selector. */
export function plotHref(selector: string): string {
  return `/plot?match=${encodeURIComponent(selector)}`;
}

/**
 * `cloud` undefined: the grid totals, the series without a `cloud` label — selected with
 * `cloud=""` (as in Prometheus, an empty match means "no such label"), else every cloud's would match.
 */
export function vmsSeries(grid: string, cloud: string | undefined, status: string): string {
  return seriesSelector('cmon_grid_vms', [
    ['grid', grid],
    ['cloud', cloud ?? ''],
    ['status', status],
  ]);
}

/** VMs of one type (the collector's VM type); `cloud` undefined: the grid totals (`cloud=""`). */
export function vmsByTypeSeries(grid: string, cloud: string | undefined, vmtype: string): string {
  return seriesSelector('cmon_grid_vms_by_type', [
    ['grid', grid],
    ['cloud', cloud ?? ''],
    ['vmtype', vmtype],
  ]);
}

export function jobsSeries(grid: string, cloud: string | undefined, status: string): string {
  return seriesSelector('cmon_grid_jobs', [
    ['grid', grid],
    ['cloud', cloud ?? ''],
    ['status', status],
  ]);
}

/** `state`: `claimed`, `unclaimed` or `total`. Without a cloud it selects every cloud's series. */
export function slotsSeries(grid: string, cloud: string | undefined, state: string): string {
  return seriesSelector('cmon_grid_slots', [
    ['grid', grid],
    ['cloud', cloud],
    ['state', state],
  ]);
}

export function idleVmsSeries(grid: string, cloud: string | undefined): string {
  return seriesSelector('cmon_grid_idle_vms', [
    ['grid', grid],
    ['cloud', cloud],
  ]);
}

export function quotaSeries(grid: string, cloud: string | undefined): string {
  return seriesSelector('cmon_grid_cloud_quota', [
    ['grid', grid],
    ['cloud', cloud],
  ]);
}

export function jobsByOwnerSeries(grid: string, owner: string, status: string): string {
  return seriesSelector('cmon_grid_jobs_by_owner', [
    ['grid', grid],
    ['owner', owner],
    ['status', status],
  ]);
}

/** `state`: `critical`, `warning`, `unknown`, `ok` or `total` — an account's alarm counts at each poll. */
export function alarmsSeries(sourceId: string, state: string): string {
  return seriesSelector('cmon_alarms', [
    ['source_id', sourceId],
    ['state', state],
  ]);
}

/** One server's alarm count in `state` at each poll of its account. */
export function serverAlarmsSeries(sourceId: string, entityId: string, state: string): string {
  return seriesSelector('cmon_server_alarms', [
    ['source_id', sourceId],
    ['server', entityId],
    ['state', state],
  ]);
}
