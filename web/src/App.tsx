import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { ConnectionBanner } from './components/ConnectionBanner.js';
import { Header } from './components/Header.js';
import { TokenDialog } from './components/TokenDialog.js';
import { useLive } from './live.js';
import { EntityPage } from './pages/EntityPage.js';
import { NotFound } from './pages/NotFound.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { Wallboard } from './pages/Wallboard.js';
import { matchRoute, useLocation } from './router.js';
import { useTheme } from './theme.js';

export function App() {
  const loc = useLocation();
  const params = new URLSearchParams(loc.search);
  const kiosk = params.get('kiosk') === '1';
  const q = params.get('q') ?? '';
  const route = matchRoute(loc.pathname);
  const snap = useLive();
  const [theme, toggleTheme] = useTheme(kiosk);

  useEffect(() => {
    if (route.name === 'wallboard' || route.name === 'not-found') document.title = 'cmon';
  }, [route.name]);

  let page: JSX.Element;
  switch (route.name) {
    case 'wallboard':
      page = <Wallboard snap={snap} q={q} kiosk={kiosk} />;
      break;
    case 'settings':
      page = <SettingsPage snap={snap} />;
      break;
    case 'entity':
      page = <EntityPage sourceId={route.sourceId} entityId={route.entityId} snap={snap} kiosk={kiosk} />;
      break;
    default:
      page = <NotFound />;
  }

  const lost = snap.connection === 'lost';
  return (
    <div class={`app${kiosk ? ' kiosk' : ''}${lost ? ' is-disconnected' : ''}`}>
      {!kiosk && (
        <Header q={route.name === 'wallboard' ? q : null} theme={theme} onToggleTheme={toggleTheme} />
      )}
      <ConnectionBanner connection={snap.connection} error={snap.state.loaded ? null : snap.error} />
      <main class="main">{page}</main>
      <TokenDialog />
    </div>
  );
}
