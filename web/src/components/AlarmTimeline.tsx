import { useMemo, useState } from 'preact/hooks';
import { formatDuration, formatTime } from '../format.js';
import { setQueryParams } from '../router.js';
import {
  DEFAULT_TIMELINE,
  type Segment,
  segments,
  TIMELINE_PRESETS,
  type TimelineAnswer,
  type TimelinePreset,
  timelineMs,
} from '../timeline.js';
import type { AlarmView } from '../types.js';
import { useFetch } from '../useFetch.js';
import { useNow } from '../useNow.js';

export interface AlarmTimelineProps {
  sourceId: string;
  entityId: string;
  alarms: readonly AlarmView[];
  preset: TimelinePreset;
}

interface Picked extends Segment {
  alarm: string;
}

const pct = (v: number) => `${(v * 100).toFixed(3)}%`;

function describe(s: Picked): string {
  return `${s.alarm}: ${s.state} from ${formatTime(s.from)} to ${formatTime(s.to)} (${formatDuration(s.to - s.from)})`;
}

/** One strip per alarm over the chosen window, a segment per state; plain DOM so each one is a button. */
export function AlarmTimeline({ sourceId, entityId, alarms, preset }: AlarmTimelineProps) {
  const tick = useNow(60_000);
  // A new window when the clock ticks, the preset changes or the alarms were reloaded.
  const to = useMemo(() => Date.now(), [tick, alarms, preset]);
  const from = to - timelineMs(preset);
  const path = `/sources/${encodeURIComponent(sourceId)}/entities/${encodeURIComponent(entityId)}/timeline?from=${from}&to=${to}`;
  const { data, error } = useFetch<TimelineAnswer>(path);
  const [picked, setPicked] = useState<Picked | null>(null);

  const strips = useMemo(() => {
    if (!data) return null;
    const current = new Map(alarms.map((a) => [a.id, a.state]));
    return segments(
      data.transitions,
      alarms.map((a) => a.id),
      data.from,
      data.to,
      current,
    );
  }, [data, alarms]);
  const span = data ? data.to - data.from : 1;

  return (
    <section class="timeline" data-testid="timeline" aria-label="Alarm timeline">
      <header class="timeline-head">
        <h2>Timeline</h2>
        <fieldset class="timeline-presets">
          <legend class="sr-only">Timeline window</legend>
          {TIMELINE_PRESETS.map((p) => (
            <button
              key={p.name}
              type="button"
              data-range={p.name}
              aria-pressed={p.name === preset}
              onClick={() => {
                setPicked(null);
                setQueryParams({ timeline: p.name === DEFAULT_TIMELINE ? null : p.name }, { push: true });
              }}
            >
              {p.label}
            </button>
          ))}
        </fieldset>
        {data && (
          <span class="muted">
            {formatTime(data.from)} – {formatTime(data.to)}
          </span>
        )}
      </header>
      {error && !data && (
        <p class="outcome outcome-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p class="placeholder">Loading the timeline…</p>}
      {strips && (
        <ul class="timeline-rows">
          {alarms.map((a) => (
            <li key={a.id} class="timeline-row">
              <span class="timeline-label" title={a.label}>
                {a.label}
              </span>
              <div class="timeline-strip" data-alarm-id={a.id}>
                {(strips.get(a.id) ?? []).map((s) => {
                  const seg = { ...s, alarm: a.label };
                  const text = describe(seg);
                  return (
                    <button
                      key={s.from}
                      type="button"
                      class={`seg seg-${s.state.toLowerCase()}${picked?.alarm === a.label && picked.from === s.from ? ' is-picked' : ''}`}
                      style={{
                        // A few seconds stay visible (min-width) without falling off the end.
                        left: `min(${pct((s.from - (data?.from ?? 0)) / span)}, calc(100% - 3px))`,
                        width: pct((s.to - s.from) / span),
                      }}
                      data-state={s.state}
                      data-from={s.from}
                      data-to={s.to}
                      title={text}
                      aria-label={text}
                      onClick={() => setPicked(seg)}
                    />
                  );
                })}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p class="timeline-detail" aria-live="polite" data-testid="timeline-detail">
        {picked ? describe(picked) : strips ? 'Click a segment for its state, times and duration.' : ''}
      </p>
    </section>
  );
}
