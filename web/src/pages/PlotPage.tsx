import { useEffect } from 'preact/hooks';

/** Placeholder until the history issue draws the plot: shows which series a number stands for. */
export function PlotPage({ search }: { search: string }) {
  const params = new URLSearchParams(search);
  const matches = params.getAll('match');
  useEffect(() => {
    document.title = 'History — cmon';
  }, []);
  return (
    <div class="plot-page" data-testid="plot-page">
      <h1>History</h1>
      {matches.length === 0 ? (
        <p class="empty">No series chosen: follow a number's link from a grid page.</p>
      ) : (
        <>
          <p>The history plot of:</p>
          <ul class="selectors">
            {matches.map((m) => (
              <li key={m}>
                <code data-testid="plot-selector">{m}</code>
              </li>
            ))}
          </ul>
          <p class="muted">Plots arrive with the history pages; the series is recorded from now on.</p>
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
