import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { canRead } from './auth.js';
import { AuthProvider, useAuth } from './components/AuthProvider.js';
import { ConnectionBanner } from './components/ConnectionBanner.js';
import { Header } from './components/Header.js';
import { PastBanner } from './components/PastBanner.js';
import { PlotModalHost } from './components/plot/PlotModal.js';
import { live, useLive } from './live.js';
import { loginHref } from './loginForm.js';
import { AccountPage } from './pages/AccountPage.js';
import { CloudPage } from './pages/CloudPage.js';
import { EntityPage } from './pages/EntityPage.js';
import { GridPage } from './pages/GridPage.js';
import { GridsPage } from './pages/GridsPage.js';
import { JobPage } from './pages/JobPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFound } from './pages/NotFound.js';
import { PlotPage } from './pages/PlotPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { VmPage } from './pages/VmPage.js';
import { Wallboard } from './pages/Wallboard.js';
import { matchRoute, navigate, useLocation } from './router.js';
import { useTheme } from './theme.js';
import { parseAt } from './timeTravel.js';

export function App() {
  return (
    <AuthProvider>
      <Shell />
    </AuthProvider>
  );
}

function Shell() {
  const loc = useLocation();
  const here = `${loc.pathname}${loc.search}`;
  const params = new URLSearchParams(loc.search);
  const kiosk = params.get('kiosk') === '1';
  const q = params.get('q') ?? '';
  const route = matchRoute(loc.pathname);
  // Time travel (`?at=<ms>`) applies to the wallboard and the grid summary only.
  const at = route.name === 'wallboard' || route.name === 'grid' ? parseAt(loc.search) : null;
  const { me, error, store } = useAuth();
  const readable = me !== null && canRead(me);
  const snap = useLive();
  const [theme, toggleTheme] = useTheme(kiosk);

  // The stream and snapshot run only while this visitor may read; after sign-out they stop.
  useEffect(() => {
    if (readable) live.start();
    else live.stop();
  }, [readable]);

  useEffect(() => {
    if (me && !readable && route.name !== 'login') navigate(loginHref(here), { replace: true });
  }, [me, readable, route.name, here]);

  // Server unreachable at start: keep asking, the page fills in when it answers.
  useEffect(() => {
    if (me || !error) return;
    const t = setTimeout(() => void store.load(), 5_000);
    return () => clearTimeout(t);
  }, [me, error, store]);

  useEffect(() => {
    if (route.name === 'wallboard' || route.name === 'not-found') document.title = 'cmon';
  }, [route.name]);

  if (route.name === 'login') return <LoginPage next={params.get('next')} />;
  if (!me || !readable) {
    return (
      <p class="placeholder" role={error ? 'alert' : 'status'}>
        {error ? `Cannot reach the server: ${error} — retrying…` : 'Loading…'}
      </p>
    );
  }

  let page: JSX.Element;
  switch (route.name) {
    case 'wallboard':
      page = <Wallboard snap={snap} q={q} kiosk={kiosk} at={at} />;
      break;
    case 'settings':
      page = <SettingsPage snap={snap} section={route.section} />;
      break;
    case 'account':
      page = <AccountPage />;
      break;
    case 'entity':
      page = (
        <EntityPage
          sourceId={route.sourceId}
          entityId={route.entityId}
          snap={snap}
          kiosk={kiosk}
          search={loc.search}
        />
      );
      break;
    case 'grids':
      page = <GridsPage snap={snap} />;
      break;
    case 'grid':
      page = <GridPage key={route.grid} grid={route.grid} snap={snap} at={at} />;
      break;
    case 'cloud':
      page = (
        <CloudPage
          key={`${route.grid}/${route.cloud}`}
          grid={route.grid}
          cloud={route.cloud}
          search={loc.search}
          snap={snap}
        />
      );
      break;
    case 'vm':
      page = <VmPage key={`${route.grid}/${route.vmId}`} grid={route.grid} vmId={route.vmId} snap={snap} />;
      break;
    case 'job':
      page = (
        <JobPage key={`${route.grid}/${route.jobId}`} grid={route.grid} jobId={route.jobId} snap={snap} />
      );
      break;
    case 'plot':
      page = <PlotPage search={loc.search} />;
      break;
    default:
      page = <NotFound />;
  }

  const lost = snap.connection === 'lost';
  return (
    <div
      class={`app${kiosk ? ' kiosk' : ''}${lost ? ' is-disconnected' : ''}${at !== null ? ' is-past' : ''}`}
    >
      {!kiosk && (
        <Header
          q={route.name === 'wallboard' ? q : null}
          theme={theme}
          onToggleTheme={toggleTheme}
          here={here}
        />
      )}
      <ConnectionBanner connection={snap.connection} error={snap.state.loaded ? null : snap.error} />
      {at !== null && <PastBanner at={at} here={here} />}
      <main class="main">{page}</main>
      <PlotModalHost here={here} />
    </div>
  );
}
