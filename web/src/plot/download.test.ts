import { describe, expect, it } from 'vitest';
import { exportName } from './download.js';

describe('exportName', () => {
  it('names the file after the metric and the window, safe on every OS', () => {
    const from = Date.UTC(2024, 2, 13, 15, 30);
    expect(exportName(['cmon_grid_vms{grid="a/b"}'], from, from + 3_600_000, 'csv')).toBe(
      'cmon-cmon_grid_vms-2024-03-13T153000-2024-03-13T163000.csv',
    );
    expect(exportName(['{__name__="x"}'], from, from + 1, 'png')).toMatch(/^cmon-series-.*\.png$/);
  });
});
