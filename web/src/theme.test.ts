import { describe, expect, it } from 'vitest';
import { resolveTheme } from './theme.js';

describe('resolveTheme', () => {
  it.each([
    [null, false, false, 'light'],
    [null, true, false, 'dark'],
    ['light', true, false, 'light'],
    ['dark', false, false, 'dark'],
    ['bogus', true, false, 'dark'],
    ['light', false, true, 'dark'],
  ] as const)('saved=%s prefersDark=%s kiosk=%s → %s', (saved, prefersDark, kiosk, want) => {
    expect(resolveTheme(saved, prefersDark, kiosk)).toBe(want);
  });
});
