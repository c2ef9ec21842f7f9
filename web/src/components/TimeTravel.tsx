import { useEffect, useRef, useState } from 'preact/hooks';
import { fromLocalInput, toLocalInput } from '../plot/range.js';
import { setQueryParams } from '../router.js';
import {
  atToSlider,
  DEFAULT_SPAN,
  formatLocalDateTime,
  pickedAt,
  presetAt,
  sliderRange,
  sliderToAt,
  spanFor,
  TRAVEL_PRESETS,
} from '../timeTravel.js';
import { useNow } from '../useNow.js';

/** A slider move is fetched on release, or after this long without moving. */
const IDLE_MS = 250;

export interface TimeTravelProps {
  /** The moment shown (epoch ms), null for live. */
  at: number | null;
  /** The moment's board is on its way. */
  loading?: boolean;
}

/** Puts the moment in the URL (`?at=`): in place for slider moves, a history step for the rest. */
function go(at: number | null, push: boolean): void {
  setQueryParams({ at: at === null ? null : String(at) }, { push });
}

/**
 * The time-travel bar: a slider over the last 7 days (wider once an older moment is shown), a
 * datetime-local input for precision and presets. The right end of the slider is live.
 */
export function TimeTravel({ at, loading = false }: TimeTravelProps) {
  const now = useNow(30_000);
  // The span only grows while the page is open, so the scale never jumps under the thumb.
  const [span, setSpan] = useState(() => spanFor(now, at));
  useEffect(() => setSpan((s) => spanFor(Date.now(), at, s)), [at]);
  const range = sliderRange(now, span);
  const [draft, setDraft] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const commit = (value: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setDraft(null);
    const next = sliderToAt(value, range);
    if (next !== at) go(next, false);
  };

  const onInput = (ev: Event) => {
    const value = Number((ev.currentTarget as HTMLInputElement).value);
    setDraft(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(value), IDLE_MS);
  };

  // Uncontrolled: a re-render must not wipe a half-typed date; it follows `at` when that changes.
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (picker.current) picker.current.value = toLocalInput(at ?? Date.now());
  }, [at]);

  const shown = draft ?? atToSlider(at, range);
  const shownAt = sliderToAt(shown, range);
  const valueText = shownAt === null ? 'now (live)' : formatLocalDateTime(shownAt);

  return (
    <div class={`time-travel${at !== null ? ' is-past' : ''}`} data-testid="time-travel">
      <label class="time-travel-slider">
        <span class="time-travel-label">Time</span>
        <input
          type="range"
          class="time-slider"
          data-testid="time-slider"
          min={range.from}
          max={range.to}
          step={range.step}
          value={shown}
          aria-valuetext={valueText}
          onInput={onInput}
          onChange={(ev) => commit(Number((ev.currentTarget as HTMLInputElement).value))}
        />
      </label>
      <span class="time-travel-value" aria-live="polite">
        {valueText}
        {loading && <span class="muted"> · loading…</span>}
      </span>
      <input
        ref={picker}
        type="datetime-local"
        data-testid="time-at-input"
        aria-label="Show the board as it was at"
        onChange={(ev) => {
          const picked = fromLocalInput((ev.currentTarget as HTMLInputElement).value);
          if (picked !== null) go(pickedAt(picked, Date.now()), true);
        }}
      />
      <fieldset class="time-travel-presets">
        <legend class="sr-only">Go to</legend>
        {TRAVEL_PRESETS.map((p) => {
          const live = p.back === 0;
          return (
            <button
              key={p.label}
              type="button"
              class={live && at === null ? 'is-active' : undefined}
              aria-pressed={live ? at === null : undefined}
              onClick={() => go(presetAt(p, Date.now()), true)}
            >
              {p.label}
            </button>
          );
        })}
      </fieldset>
      {span > DEFAULT_SPAN && (
        <span class="muted time-travel-span">the slider covers {Math.round(span / 86_400_000)} days</span>
      )}
    </div>
  );
}
