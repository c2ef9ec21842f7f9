import { useEffect, useState } from 'preact/hooks';
import { cloudPath, gridPath, type Patch, patchSearch } from './gridView.js';

export type SettingsSection = 'accounts' | 'users' | 'tokens' | 'audit';

export const SETTINGS_SECTIONS: readonly { section: SettingsSection; path: string; title: string }[] = [
  { section: 'accounts', path: '/settings', title: 'Accounts' },
  { section: 'users', path: '/settings/users', title: 'Users' },
  { section: 'tokens', path: '/settings/tokens', title: 'API tokens' },
  { section: 'audit', path: '/settings/audit', title: 'Audit log' },
];

export type Route =
  | { name: 'wallboard' }
  | { name: 'login' }
  | { name: 'account' }
  | { name: 'settings'; section: SettingsSection }
  | { name: 'entity'; sourceId: string; entityId: string }
  | { name: 'grids' }
  | { name: 'grid'; grid: string }
  | { name: 'cloud'; grid: string; cloud: string }
  | { name: 'vm'; grid: string; vmId: string }
  | { name: 'job'; grid: string; jobId: string }
  | { name: 'plot' }
  | { name: 'not-found' };

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Pure: which page a pathname shows. */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { name: 'wallboard' };
  if (path === '/login') return { name: 'login' };
  if (path === '/account') return { name: 'account' };
  const settings = SETTINGS_SECTIONS.find((s) => s.path === path);
  if (settings) return { name: 'settings', section: settings.section };
  const m = /^\/sources\/([^/]+)\/entities\/([^/]+)$/.exec(path);
  if (m) {
    const sourceId = decode(m[1] as string);
    const entityId = decode(m[2] as string);
    if (sourceId !== null && entityId !== null) return { name: 'entity', sourceId, entityId };
  }
  if (path === '/plot') return { name: 'plot' };
  if (path === '/grids') return { name: 'grids' };
  const g = /^\/grids\/([^/]+)(?:\/(clouds|vms|jobs)\/([^/]+))?$/.exec(path);
  if (g) {
    const grid = decode(g[1] as string);
    const id = g[3] === undefined ? '' : decode(g[3]);
    if (grid === null || id === null) return { name: 'not-found' };
    switch (g[2]) {
      case 'clouds':
        return { name: 'cloud', grid, cloud: id };
      case 'vms':
        return { name: 'vm', grid, vmId: id };
      case 'jobs':
        return { name: 'job', grid, jobId: id };
      default:
        return { name: 'grid', grid };
    }
  }
  return { name: 'not-found' };
}

const GRID_SOURCE_PREFIX = 'grid:';

/** The grid a wallboard source stands for (`type: "grid"`, id `grid:<name>`), else null. */
export function gridOfSource(source: { id: string; type: string }): string | null {
  if (source.type !== 'grid' || !source.id.startsWith(GRID_SOURCE_PREFIX)) return null;
  return source.id.slice(GRID_SOURCE_PREFIX.length) || null;
}

/** Where a section header links: the grid page for a grid, nowhere (null) for an account. */
export function sourceHref(source: { id: string; type: string }): string | null {
  const grid = gridOfSource(source);
  return grid === null ? null : gridPath(grid);
}

/** The id of a grid's own circle (the pool: its queue and collector), beside one per cloud. */
export const GRID_POOL_ENTITY = 'grid-pool';

/** Where a circle links: a grid's circle is a cloud (labelled with its name) or its pool, others a server. */
export function entityHref(
  source: { id: string; type: string },
  entity: { id: string; label: string },
): string {
  const grid = gridOfSource(source);
  if (grid === null) return entityPath(source.id, entity.id);
  return entity.id === GRID_POOL_ENTITY ? gridPath(grid) : cloudPath(grid, entity.label);
}

export function entityPath(sourceId: string, entityId: string): string {
  return `/sources/${encodeURIComponent(sourceId)}/entities/${encodeURIComponent(entityId)}`;
}

/** `?kiosk=1` survives every in-app link so a TV never falls out of kiosk mode. */
export function withKiosk(href: string, kiosk: boolean): string {
  if (!kiosk) return href;
  return `${href}${href.includes('?') ? '&' : '?'}kiosk=1`;
}

const CHANGE = 'cmon:locationchange';

export function navigate(url: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new Event(CHANGE));
}

/** Sets or clears one query parameter in place (no history entry per keystroke). */
export function setQueryParam(key: string, value: string | null): void {
  const url = new URL(location.href);
  if (value === null || value === '') url.searchParams.delete(key);
  else url.searchParams.set(key, value);
  navigate(`${url.pathname}${url.search}${url.hash}`, { replace: true });
}

/**
 * Sets or clears several query parameters at once. In place by default (typing); `push` for a
 * deliberate step the Back button should undo (a sort, a page, a select).
 */
export function setQueryParams(patch: Patch, opts: { push?: boolean } = {}): void {
  const url = `${location.pathname}${patchSearch(location.search, patch)}${location.hash}`;
  navigate(url, { replace: !opts.push });
}

export interface Loc {
  pathname: string;
  search: string;
}

function current(): Loc {
  return { pathname: location.pathname, search: location.search };
}

export function useLocation(): Loc {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const update = () =>
      setLoc((old) => {
        const next = current();
        return old.pathname === next.pathname && old.search === next.search ? old : next;
      });
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return loc;
}

/**
 * One document-level listener turns same-origin link clicks into History API navigation,
 * instead of one handler per circle on a 10k-circle board.
 */
export function installLinkInterception(): void {
  document.addEventListener('click', (ev) => {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey)
      return;
    const a = (ev.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!a || (a.target && a.target !== '_self') || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    ev.preventDefault();
    if (url.pathname !== location.pathname || url.search !== location.search) {
      navigate(`${url.pathname}${url.search}${url.hash}`);
      window.scrollTo(0, 0);
    }
  });
}
