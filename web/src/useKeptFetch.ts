import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, isAbortError } from './api.js';

export interface KeptFetchState<T> {
  /** The last answer, kept while the next path loads (no flash between two moments); null after an error. */
  data: T | null;
  error: string | null;
  /** HTTP status of the last failure (0 when the server was unreachable). */
  status: number | null;
  loading: boolean;
}

/**
 * GETs `path` (null: nothing), aborting the superseded request through the api wrapper's signal when
 * the path changes or the view unmounts. Unlike useFetch, the previous answer stays shown meanwhile.
 */
export function useKeptFetch<T>(path: string | null): KeptFetchState<T> {
  const [state, setState] = useState<KeptFetchState<T>>({
    data: null,
    error: null,
    status: null,
    loading: path !== null,
  });

  useEffect(() => {
    if (path === null) {
      setState({ data: null, error: null, status: null, loading: false });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api<T>(path, { signal: ctl.signal }).then(
      (data) => {
        if (!ctl.signal.aborted) setState({ data, error: null, status: null, loading: false });
      },
      (err: unknown) => {
        if (isAbortError(err) || ctl.signal.aborted) return;
        const status = (err as { status?: number }).status ?? null;
        setState({ data: null, error: errorMessage(err), status, loading: false });
      },
    );
    return () => ctl.abort();
  }, [path]);

  return state;
}
