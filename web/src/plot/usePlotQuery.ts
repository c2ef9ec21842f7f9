import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorMessage, isAbortError } from '../api.js';
import { mergeAnswers, type QueryAnswer } from './answer.js';
import { queryPath } from './plotState.js';
import { previousWindow, type TimeWindow } from './range.js';

export interface PlotResult {
  /** The window and points these answers are for. */
  window: TimeWindow;
  points: number;
  /** All selectors' series, each once: what is drawn and exported. */
  answer: QueryAnswer;
  /** The previous period's series, when asked. */
  previous: QueryAnswer | null;
}

export interface PlotQuery {
  result: PlotResult | null;
  error: string | null;
  loading: boolean;
}

async function queryAll(
  matches: readonly string[],
  w: TimeWindow,
  points: number,
  signal: AbortSignal,
): Promise<QueryAnswer> {
  const answers = await Promise.all(
    matches.map((m) =>
      api<QueryAnswer>(queryPath(m, w, points), { signal }).catch((err: unknown) => {
        // With several selectors, say which one the server refused.
        if (matches.length > 1 && err instanceof ApiError)
          throw new ApiError(`${m}: ${err.message}`, err.status);
        throw err;
      }),
    ),
  );
  return mergeAnswers(answers);
}

/**
 * One query per selector (and per selector for the previous period), all aborted as soon as the
 * window, points or selectors change: a zoom or resize never waits for the answer it replaced.
 * The last answer stays on screen while the next one loads.
 */
export function usePlotQuery(
  matches: readonly string[],
  window: TimeWindow,
  points: number,
  prev: boolean,
): PlotQuery {
  const [state, setState] = useState<PlotQuery>({ result: null, error: null, loading: false });
  const key = JSON.stringify([matches, window.from, window.to, points, prev]);

  // `key` stands for every input; the other deps are read through it.
  useEffect(() => {
    if (matches.length === 0 || points <= 0) return;
    const ctl = new AbortController();
    const w = { from: window.from, to: window.to };
    setState((s) => ({ ...s, loading: true }));
    Promise.all([
      queryAll(matches, w, points, ctl.signal),
      prev ? queryAll(matches, previousWindow(w), points, ctl.signal) : Promise.resolve(null),
    ]).then(
      ([answer, previous]) =>
        setState({ result: { window: w, points, answer, previous }, error: null, loading: false }),
      (err: unknown) => {
        if (isAbortError(err)) return;
        setState((s) => ({ ...s, error: errorMessage(err), loading: false }));
      },
    );
    return () => ctl.abort();
  }, [key]);

  return state;
}
