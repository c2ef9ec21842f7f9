import { useEffect, useMemo } from 'preact/hooks';
import { AlarmCounts } from '../components/AlarmCounts.js';
import { AlarmTimeline } from '../components/AlarmTimeline.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { countAlarms, formatRelative, formatTime } from '../format.js';
import { type LiveSnapshot, useStreamEvents } from '../live.js';
import { withKiosk } from '../router.js';
import { serverAlarmsSeries } from '../series.js';
import { compareAlarms } from '../sort.js';
import { readTimelinePreset } from '../timeline.js';
import type { EntityDetail } from '../types.js';
import { useFetch } from '../useFetch.js';
import { useNow } from '../useNow.js';

export interface EntityPageProps {
  sourceId: string;
  entityId: string;
  snap: LiveSnapshot;
  kiosk: boolean;
  search: string;
}

export function EntityPage({ sourceId, entityId, snap, kiosk, search }: EntityPageProps) {
  const timeline = readTimelinePreset(new URLSearchParams(search).get('timeline'));
  const path = `/sources/${encodeURIComponent(sourceId)}/entities/${encodeURIComponent(entityId)}`;
  const { data, error, status, reload } = useFetch<EntityDetail>(path);
  const now = useNow(30_000);

  useStreamEvents((e) => {
    if (e.type === 'hello') reload();
    else if (e.type === 'source-removed' && e.data.id === sourceId) reload();
    else if (
      e.type === 'entities' &&
      e.data.sourceId === sourceId &&
      (e.data.upsert?.some((x) => x.id === entityId) || e.data.remove?.includes(entityId))
    )
      reload();
  });

  const alarms = useMemo(() => (data ? data.alarms.slice().sort(compareAlarms) : []), [data]);
  const liveSource = snap.state.sources.find((s) => s.id === sourceId);

  useEffect(() => {
    document.title = data ? `${data.label} — cmon` : 'cmon';
  }, [data]);

  const stale = liveSource && (liveSource.status.state === 'stale' || liveSource.status.state === 'error');
  return (
    <div class={`entity-page${stale ? ' is-stale' : ''}`}>
      <p>
        <a href={withKiosk('/', kiosk)} class="back">
          ← Back to the board
        </a>
      </p>
      {error && !data && (
        <p class="outcome outcome-error" role="alert">
          {status === 404 ? 'This server is not (or no longer) reported by its account.' : error}
        </p>
      )}
      {!data && !error && <p class="placeholder">Loading…</p>}
      {data && (
        <>
          <header class="entity-head">
            <h1 class="entity-label">{data.label}</h1>
            <p class="entity-source">
              Account <strong>{data.sourceName}</strong>
              {liveSource && <StatusBadge status={liveSource.status} />}
            </p>
            <p class="entity-counts">
              <AlarmCounts
                counts={countAlarms(data.alarms)}
                series={(st) => serverAlarmsSeries(sourceId, entityId, st)}
                of={data.label}
              />
            </p>
            {error && (
              <p class="outcome outcome-error" role="alert">
                {status === 404
                  ? 'This server is no longer reported by its account.'
                  : `Refresh failed: ${error}`}
              </p>
            )}
          </header>
          {alarms.length > 0 && (
            <AlarmTimeline sourceId={sourceId} entityId={entityId} alarms={alarms} preset={timeline} />
          )}
          {alarms.length === 0 ? (
            <p class="empty">This server has no alarms.</p>
          ) : (
            <table class="table alarms-table">
              <thead>
                <tr>
                  <th scope="col">State</th>
                  <th scope="col">Alarm</th>
                  <th scope="col">Check</th>
                  <th scope="col">Status</th>
                  <th scope="col">Since</th>
                </tr>
              </thead>
              <tbody>
                {alarms.map((a) => (
                  <tr key={a.id} data-alarm-id={a.id}>
                    <td>
                      <span class={`badge state-${a.state.toLowerCase()}`}>{a.state}</span>
                    </td>
                    <td>{a.label}</td>
                    <td>
                      {a.checkLabel ?? a.checkId}
                      {a.checkType && <span class="muted"> ({a.checkType})</span>}
                    </td>
                    <td class="status-text">{a.status ?? '—'}</td>
                    <td>
                      {a.since === null || !Number.isFinite(new Date(a.since).getTime()) ? (
                        '—'
                      ) : (
                        <time dateTime={new Date(a.since).toISOString()} title={formatTime(a.since)}>
                          {formatTime(a.since)}
                          <span class="muted"> ({formatRelative(a.since, now)})</span>
                        </time>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
