import { render } from 'preact';
import { App } from './App.js';
import { live } from './live.js';
import { installLinkInterception } from './router.js';
import { applyTheme } from './theme.js';
import './styles.css';

// Theme before the first paint so a dark TV never flashes white.
applyTheme(new URLSearchParams(location.search).get('kiosk') === '1');
installLinkInterception();
live.start();

const root = document.getElementById('app');
if (root) render(<App />, root);
