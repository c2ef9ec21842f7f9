import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import { formatDuration, formatTime } from '../../format.js';
import { buildChart, hasValues } from '../../plot/chartData.js';
import { type PlotState, windowOf } from '../../plot/plotState.js';
import { isRelative, panWindow, pointsFor, type TimeWindow, zoomWindow } from '../../plot/range.js';
import { usePlotQuery } from '../../plot/usePlotQuery.js';
import { useNow } from '../../useNow.js';
import { PlotExport } from './PlotExport.js';
import { PlotLegend } from './PlotLegend.js';
import { PlotSeries } from './PlotSeries.js';
import { PlotToolbar } from './PlotToolbar.js';
import { UPlotChart } from './UPlotChart.js';

export interface PlotViewProps {
  state: PlotState;
  /** A new view state: the page puts it in the URL, the modal keeps it. */
  onChange: (next: PlotState) => void;
  height: number;
}

/** A live window follows the clock about once a bucket, never more than every 10 s or less than every 5 min. */
function refreshEvery(w: TimeWindow, points: number): number {
  const step = points > 0 ? (w.to - w.from) / points : 60_000;
  return Math.min(300_000, Math.max(10_000, Math.round(step)));
}

/** The plot with its controls, legend and exports: the same on the /plot page and in the modal. */
export function PlotView({ state, onChange, height }: PlotViewProps) {
  const [width, setWidth] = useState(0);
  const [idx, setIdx] = useState<number | null>(null);
  const instance = useRef<uPlot | null>(null);
  const live = state.window === null && isRelative(state.range);
  const [points, setPoints] = useState(0);
  const now = useNow(live ? refreshEvery(windowOf(state, Date.now()), points) : 3_600_000);
  const win = windowOf(state, now);
  const window = useMemo(() => win, [win.from, win.to]);

  // Resizing asks for a new resolution once the size settles, not at every pixel.
  useEffect(() => {
    const t = setTimeout(() => setPoints(pointsFor(width)), points === 0 ? 0 : 400);
    return () => clearTimeout(t);
  }, [width, points]);

  const query = usePlotQuery(state.matches, window, points, state.prev);
  const result = query.result;
  const chart = useMemo(
    () =>
      buildChart(
        result?.answer.series ?? [],
        result?.previous?.series ?? null,
        result ? result.window.to - result.window.from : 0,
      ),
    [result],
  );

  const onZoom = useCallback(
    (a: number, b: number) => onChange({ ...state, window: zoomWindow(a, b) }),
    [state, onChange],
  );
  const onCursor = useCallback((i: number | null) => setIdx(i), []);

  const empty = result !== null && result.answer.series.length === 0;
  const noValues = result !== null && !empty && !hasValues(chart);
  return (
    <div class="plot" data-testid="plot" aria-busy={query.loading ? 'true' : 'false'}>
      <PlotToolbar
        state={state}
        window={window}
        onPreset={(range) => onChange({ ...state, range, window: null })}
        onWindow={(w) => onChange({ ...state, window: w })}
        onPan={(dir) => onChange({ ...state, window: panWindow(window, dir) })}
        onReset={() => onChange({ ...state, window: null })}
        onPrev={(prev) => onChange({ ...state, prev })}
      />
      <p
        class="plot-window"
        data-testid="plot-window"
        data-from={window.from}
        data-to={window.to}
        data-points={points}
      >
        {formatTime(window.from)} – {formatTime(window.to)}{' '}
        <span class="muted">
          ({formatDuration(window.to - window.from)}
          {result
            ? `, ${Math.ceil((result.window.to - result.window.from) / result.points / 1000)} s per point`
            : ''}
          )
        </span>
        {query.loading && <span class="muted"> · loading…</span>}
      </p>
      {query.error && (
        <p class="outcome outcome-error" role="alert" data-testid="plot-error">
          {query.error}
        </p>
      )}
      {!query.error && empty && (
        <p class="empty" data-testid="plot-empty">
          No recorded series match {state.matches.join(', ')}.
        </p>
      )}
      {!query.error && noValues && (
        <p class="empty" data-testid="plot-empty">
          No samples in this window.
        </p>
      )}
      <UPlotChart
        chart={chart}
        window={window}
        height={height}
        onZoom={onZoom}
        onCursor={onCursor}
        onWidth={setWidth}
        instance={instance}
      />
      <p class="plot-hint muted">Drag across the plot to zoom in.</p>
      <PlotLegend chart={chart} idx={idx} prev={state.prev} />
      <PlotSeries matches={state.matches} onMatches={(matches) => onChange({ ...state, matches })} />
      <PlotExport matches={state.matches} result={result} instance={instance} />
    </div>
  );
}
