import { useCallback, useEffect, useMemo } from 'preact/hooks';
import { PlotView } from '../components/plot/PlotView.js';
import { type PlotState, plotPageHref, readPlotState } from '../plot/plotState.js';
import { navigate } from '../router.js';

/** The full-page plot: its whole state is the URL, so every view is a link. */
export function PlotPage({ search }: { search: string }) {
  const state = useMemo(() => readPlotState(search), [search]);
  useEffect(() => {
    document.title = 'History — cmon';
  }, []);
  // A deliberate step (preset, zoom, pan): one history entry each, so Back undoes it.
  const onChange = useCallback((next: PlotState) => navigate(plotPageHref(next)), []);
  return (
    <div class="plot-page" data-testid="plot-page">
      <h1>History</h1>
      {state.matches.length === 0 ? (
        <p class="empty">No series chosen: follow a number's link from a grid page or the board.</p>
      ) : (
        <>
          <ul class="selectors">
            {state.matches.map((m) => (
              <li key={m}>
                <code data-testid="plot-selector">{m}</code>
              </li>
            ))}
          </ul>
          <PlotView state={state} onChange={onChange} height={420} />
        </>
      )}
      <p>
        <button type="button" onClick={() => history.back()}>
          ← Back
        </button>
      </p>
    </div>
  );
}
