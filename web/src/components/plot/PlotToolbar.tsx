import { useEffect, useState } from 'preact/hooks';
import type { PlotState } from '../../plot/plotState.js';
import { fromLocalInput, PRESETS, type PresetName, type TimeWindow, toLocalInput } from '../../plot/range.js';

export interface PlotToolbarProps {
  state: PlotState;
  window: TimeWindow;
  onPreset: (name: PresetName) => void;
  onWindow: (w: TimeWindow) => void;
  onPan: (dir: -1 | 1) => void;
  onReset: () => void;
  onPrev: (on: boolean) => void;
}

/** Presets, a custom range, pan, reset and the previous-period overlay. */
export function PlotToolbar({ state, window, onPreset, onWindow, onPan, onReset, onPrev }: PlotToolbarProps) {
  const [from, setFrom] = useState(toLocalInput(window.from));
  const [to, setTo] = useState(toLocalInput(window.to));
  const [bad, setBad] = useState<string | null>(null);
  useEffect(() => {
    setFrom(toLocalInput(window.from));
    setTo(toLocalInput(window.to));
    setBad(null);
  }, [window.from, window.to]);

  const apply = (ev: Event) => {
    ev.preventDefault();
    const f = fromLocalInput(from);
    const t = fromLocalInput(to);
    if (f === null || t === null) return setBad('Both ends need a date and a time.');
    if (f >= t) return setBad('The start must be before the end.');
    onWindow({ from: f, to: t });
  };

  return (
    <div class="plot-toolbar">
      <fieldset class="plot-presets">
        <legend class="sr-only">Time range</legend>
        {PRESETS.map((p) => (
          <button
            key={p.name}
            type="button"
            class="preset"
            data-testid="plot-preset"
            data-range={p.name}
            aria-pressed={state.window === null && state.range === p.name}
            onClick={() => onPreset(p.name)}
          >
            {p.label}
          </button>
        ))}
      </fieldset>
      <div class="plot-controls">
        <fieldset class="plot-nav">
          <legend class="sr-only">Move the window</legend>
          <button type="button" onClick={() => onPan(-1)} title="Half a window earlier" aria-label="Earlier">
            ←
          </button>
          <button type="button" onClick={() => onPan(1)} title="Half a window later" aria-label="Later">
            →
          </button>
          <button type="button" onClick={onReset} disabled={state.window === null} title="Back to the preset">
            Reset
          </button>
        </fieldset>
        <form class="plot-custom" onSubmit={apply}>
          <label>
            <span class="sr-only">From</span>
            <input
              type="datetime-local"
              value={from}
              onInput={(e) => setFrom(e.currentTarget.value)}
              data-testid="plot-from"
            />
          </label>
          <span aria-hidden="true">–</span>
          <label>
            <span class="sr-only">To</span>
            <input
              type="datetime-local"
              value={to}
              onInput={(e) => setTo(e.currentTarget.value)}
              data-testid="plot-to"
            />
          </label>
          <button type="submit" data-testid="plot-apply">
            Apply
          </button>
          {bad && (
            <span class="form-error" role="alert">
              {bad}
            </span>
          )}
        </form>
        <label class="plot-prev">
          <input
            type="checkbox"
            data-testid="overlay-previous"
            checked={state.prev}
            onChange={(e) => onPrev(e.currentTarget.checked)}
          />
          previous period
        </label>
      </div>
    </div>
  );
}
