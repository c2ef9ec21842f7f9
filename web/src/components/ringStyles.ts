import { ringGradient, ringKey } from '../ring.js';
import type { AlarmState } from '../types.js';

/**
 * One CSS rule per distinct ring pattern instead of an inline gradient per circle: a 10k board has only a
 * few hundred patterns, so the browser parses each gradient once and shares the computed style.
 * Rules only ever contain our own colours and numbers (states are normalised first), never server text.
 */
const classes = new Map<string, string>();
let sheet: CSSStyleSheet | null = null;

function styleSheet(): CSSStyleSheet {
  if (!sheet) {
    const el = document.createElement('style');
    el.dataset.cmon = 'rings';
    document.head.append(el);
    sheet = el.sheet as CSSStyleSheet;
  }
  return sheet;
}

export function ringClass(states: readonly AlarmState[]): string {
  const key = ringKey(states);
  let cls = classes.get(key);
  if (cls === undefined) {
    cls = `r${classes.size}`;
    const s = styleSheet();
    s.insertRule(`.ring.${cls}{--ring:${ringGradient(states)}}`, s.cssRules.length);
    classes.set(key, cls);
  }
  return cls;
}
