import { render } from 'preact';
import { App } from './App.js';
import { authStore } from './authStore.js';
import { installLinkInterception } from './router.js';
import { applyTheme } from './theme.js';
import './styles.css';

// Theme before the first paint so a dark TV never flashes white.
applyTheme(new URLSearchParams(location.search).get('kiosk') === '1');
installLinkInterception();
// Before the first request: 401s and CSRF refusals go through the session from here on.
authStore.install();

const root = document.getElementById('app');
if (root) render(<App />, root);
