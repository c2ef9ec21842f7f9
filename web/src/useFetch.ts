import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, errorMessage, isAbortError } from './api.js';

export interface FetchState<T> {
  data: T | null;
  error: string | null;
  /** HTTP status of the last failure (0 when the server was unreachable). */
  status: number | null;
  loading: boolean;
  reload: () => void;
}

/** GETs `path`, aborting the previous request whenever the path changes, `reload` runs or the view unmounts. */
export function useFetch<T>(path: string | null): FetchState<T> {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<Omit<FetchState<T>, 'reload'> & { path: string | null }>({
    path,
    data: null,
    error: null,
    status: null,
    loading: path !== null,
  });
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  // `version` is in the deps on purpose: bumping it is how reload() refetches.
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setState((s) =>
      s.path === path
        ? { ...s, loading: true }
        : { path, data: null, error: null, status: null, loading: true },
    );
    api<T>(path, { signal: ctl.signal }).then(
      (data) => setState({ path, data, error: null, status: null, loading: false }),
      (err: unknown) => {
        if (isAbortError(err)) return;
        const status = (err as { status?: number }).status ?? null;
        setState((s) => ({
          path,
          data: s.path === path ? s.data : null,
          error: errorMessage(err),
          status,
          loading: false,
        }));
      },
    );
    return () => ctl.abort();
  }, [path, version]);

  const fresh = state.path === path;
  return {
    data: fresh ? state.data : null,
    error: fresh ? state.error : null,
    status: fresh ? state.status : null,
    loading: fresh ? state.loading : path !== null,
    reload,
  };
}
