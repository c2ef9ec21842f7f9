import { setQueryParam } from '../router.js';
import type { Theme } from '../theme.js';
import { useAuth } from './AuthProvider.js';
import { UserMenu } from './UserMenu.js';

export interface HeaderProps {
  /** The filter box is shown on the wallboard only; null hides it. */
  q: string | null;
  theme: Theme;
  onToggleTheme: () => void;
  /** Path and query of this page, so "Sign in" comes back here. */
  here: string;
}

export function Header({ q, theme, onToggleTheme, here }: HeaderProps) {
  const { can } = useAuth();
  return (
    <header class="app-header">
      <a class="brand" href="/">
        cmon
      </a>
      <span class="tagline">C'mon: monitor your clouds</span>
      {q !== null && (
        <input
          class="filter"
          type="search"
          name="q"
          placeholder="Filter servers…"
          aria-label="Filter servers by name"
          data-testid="filter"
          value={q}
          onInput={(ev) => setQueryParam('q', (ev.currentTarget as HTMLInputElement).value)}
        />
      )}
      <nav class="nav">
        <a href="/">Board</a>
        <a href="/grids">Grids</a>
        {can('view-settings') && <a href="/settings">Settings</a>}
        <a href="/?kiosk=1" title="Full-screen board for a TV">
          Kiosk
        </a>
        <button type="button" class="theme-toggle" aria-pressed={theme === 'dark'} onClick={onToggleTheme}>
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
        <UserMenu here={here} />
      </nav>
    </header>
  );
}
