/** MaaS wire shapes (reference §5.2), built once per entity change and concatenated into pages. */
import type { SimEntity } from './types.js';

export function entityObject(e: SimEntity): Record<string, unknown> {
  return {
    id: e.id,
    label: e.label,
    ip_addresses: e.ip,
    metadata: null,
    managed: false,
    uri: e.uri,
    agent_id: e.agentId,
    created_at: e.createdAt,
    updated_at: e.createdAt,
    private_metadata: null,
  };
}

function overviewValue(e: SimEntity): Record<string, unknown> {
  const checks = e.checks.map((c) => ({
    id: c.id,
    label: c.label,
    type: c.type,
    details: c.details,
    monitoring_zones_poll: c.zones,
    timeout: 30,
    period: 60,
    target_alias: c.targetAlias,
    target_hostname: null,
    target_resolver: null,
    disabled: false,
    metadata: null,
    confd_name: null,
    confd_hash: null,
    created_at: c.createdAt,
    updated_at: c.createdAt,
  }));
  // Overview alarms carry no entity_id (2014 capture).
  const alarms = e.alarms.map((a) => ({
    id: a.id,
    label: a.label,
    check_id: a.checkId,
    criteria: a.criteria,
    disabled: false,
    notification_plan_id: 'npTechnicalContactsEmail',
    metadata: null,
    confd_name: null,
    confd_hash: null,
    created_at: a.createdAt,
    updated_at: a.createdAt,
  }));
  // Never-evaluated alarms simply have no entry, as in real data.
  const states = e.alarms.flatMap((a) => {
    if (!a.latest) return [];
    const s: Record<string, unknown> = {
      timestamp: a.latest.timestamp,
      entity_id: e.id,
      alarm_id: a.id,
      check_id: a.checkId,
    };
    // `status` is absent, not null, when the criteria gave no message.
    if (a.latest.status !== null) s.status = a.latest.status;
    s.state = a.latest.state;
    s.previous_state = a.latest.previous;
    s.analyzed_by_monitoring_zone_id = a.latest.zone;
    return [s];
  });
  return { entity: entityObject(e), checks, alarms, latest_alarm_states: states };
}

export function overviewJson(e: SimEntity): string {
  e.json ??= JSON.stringify(overviewValue(e));
  return e.json;
}

/** First index whose id is >= marker: the marker is an inclusive lower bound (reference §4). */
export function lowerBound(entities: readonly SimEntity[], marker: string): number {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entities[mid]?.id ?? '') < marker) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface PageRequest {
  limit: number;
  marker: string | null;
  omitNextMarker: boolean;
  /** `next_href` without the marker value, e.g. `{base}/views/overview?limit=1000&marker=`. */
  hrefPrefix: string;
}

export function pageJson(
  list: readonly SimEntity[],
  req: PageRequest,
  toJson: (e: SimEntity) => string,
): string {
  const start = req.marker === null ? 0 : lowerBound(list, req.marker);
  const page = list.slice(start, start + req.limit);
  const next = list[start + req.limit]?.id ?? null;
  const meta: Record<string, unknown> = { count: page.length, limit: req.limit, marker: req.marker };
  if (next !== null || !req.omitNextMarker) {
    meta.next_marker = next;
    meta.next_href = next === null ? null : req.hrefPrefix + encodeURIComponent(next);
  }
  return `{"values":[${page.map(toJson).join(',')}],"metadata":${JSON.stringify(meta)}}`;
}

export function entityJson(e: SimEntity): string {
  return JSON.stringify(entityObject(e));
}
