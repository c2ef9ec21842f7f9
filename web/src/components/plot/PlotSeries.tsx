import { useState } from 'preact/hooks';

export interface PlotSeriesProps {
  matches: readonly string[];
  onMatches: (next: string[]) => void;
}

/** The selectors drawn: each removable while another remains, and a field to add one more. */
export function PlotSeries({ matches, onMatches }: PlotSeriesProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = (ev: Event) => {
    ev.preventDefault();
    const m = draft.trim();
    if (m === '') return setProblem('Type a selector, e.g. cmon_alarms{state="critical"}.');
    if (matches.includes(m)) return setProblem('That selector is drawn already.');
    setProblem(null);
    setDraft('');
    onMatches([...matches, m]);
  };
  return (
    <div class="plot-series" data-testid="plot-series">
      <ul class="plot-matches">
        {matches.map((m) => (
          <li key={m}>
            <code>{m}</code>
            {matches.length > 1 && (
              <button
                type="button"
                class="plot-remove"
                aria-label={`Remove ${m}`}
                title="Remove from the plot"
                onClick={() => onMatches(matches.filter((x) => x !== m))}
              >
                ✕
              </button>
            )}
          </li>
        ))}
      </ul>
      <form class="plot-add" onSubmit={add}>
        <label>
          Add series{' '}
          <input
            type="text"
            name="match"
            value={draft}
            placeholder='cmon_alarms{state="critical"}'
            spellcheck={false}
            autocomplete="off"
            onInput={(ev) => setDraft((ev.target as HTMLInputElement).value)}
            aria-invalid={problem ? 'true' : 'false'}
          />
        </label>{' '}
        <button type="submit" data-testid="plot-add">
          Add
        </button>
        {problem && (
          <span class="outcome outcome-error" role="alert">
            {' '}
            {problem}
          </span>
        )}
      </form>
    </div>
  );
}
