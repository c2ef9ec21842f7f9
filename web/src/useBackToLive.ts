import { useEffect, useRef } from 'preact/hooks';

/** Calls `fn` when `at` goes from a moment back to live (null), not on the first render. */
export function useBackToLive(at: number | null, fn: () => void): void {
  const prev = useRef(at);
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    if (prev.current !== null && at === null) ref.current();
    prev.current = at;
  }, [at]);
}
