import { useRef } from 'preact/hooks';
import type { Page } from './gridTypes.js';
import { type FetchState, useFetch } from './useFetch.js';

/**
 * One page of a list. While the next page (or filter) loads, the last page stays on screen instead of
 * flashing empty at every keystroke.
 */
export function usePagedList<T>(path: string): FetchState<Page<T>> {
  const f = useFetch<Page<T>>(path);
  const last = useRef<Page<T> | null>(null);
  if (f.data) last.current = f.data;
  return { ...f, data: f.data ?? (f.error ? null : last.current) };
}
