import { useEffect, useState } from 'preact/hooks';

export type Theme = 'light' | 'dark';
const KEY = 'cmon.theme';

/** Pure: kiosk is always dark (TVs); otherwise the saved choice, else the OS preference. */
export function resolveTheme(saved: string | null, prefersDark: boolean, kiosk: boolean): Theme {
  if (kiosk) return 'dark';
  if (saved === 'light' || saved === 'dark') return saved;
  return prefersDark ? 'dark' : 'light';
}

/** Fallback when storage is unavailable: the choice then lasts until reload. */
let memoryChoice: Theme | null = null;

function readSaved(): string | null {
  try {
    return localStorage.getItem(KEY) ?? memoryChoice;
  } catch {
    return memoryChoice;
  }
}

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

export function applyTheme(kiosk: boolean): Theme {
  const theme = resolveTheme(readSaved(), prefersDark(), kiosk);
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  if (kiosk) root.dataset.kiosk = '1';
  else delete root.dataset.kiosk;
  return theme;
}

export function useTheme(kiosk: boolean): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(() => applyTheme(kiosk));
  useEffect(() => {
    setTheme(applyTheme(kiosk));
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const follow = () => setTheme(applyTheme(kiosk));
    mq.addEventListener('change', follow);
    return () => mq.removeEventListener('change', follow);
  }, [kiosk]);
  const toggle = () => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    memoryChoice = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // memoryChoice carries it.
    }
    setTheme(applyTheme(kiosk));
  };
  return [theme, toggle];
}
