import { useEffect, useState } from 'preact/hooks';

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
  return { name: 'not-found' };
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
