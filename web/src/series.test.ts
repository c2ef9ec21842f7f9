import { describe, expect, it } from 'vitest';
import {
  escapeLabelValue,
  idleVmsSeries,
  jobsByOwnerSeries,
  jobsSeries,
  plotHref,
  quotaSeries,
  seriesSelector,
  slotsSeries,
  vmsByTypeSeries,
  vmsSeries,
} from './series.js';

describe('seriesSelector', () => {
  it('escapes backslashes, quotes and newlines in label values', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect(seriesSelector('m', [['x', 'say "hi" \\o/']])).toBe('m{x="say \\"hi\\" \\\\o/"}');
  });

  it('keeps label order and leaves undefined labels out', () => {
    expect(
      seriesSelector('m', [
        ['grid', 'g'],
        ['cloud', undefined],
        ['status', 'running'],
      ]),
    ).toBe('m{grid="g",status="running"}');
    expect(seriesSelector('m', [])).toBe('m{}');
  });
});

describe('grid series', () => {
  it('names the per-cloud numbers', () => {
    expect(vmsSeries('g', 'c', 'running')).toBe('cmon_grid_vms{grid="g",cloud="c",status="running"}');
    expect(vmsSeries('g', 'c', 'total')).toBe('cmon_grid_vms{grid="g",cloud="c",status="total"}');
    expect(slotsSeries('g', 'c', 'claimed')).toBe('cmon_grid_slots{grid="g",cloud="c",state="claimed"}');
    expect(idleVmsSeries('g', 'c')).toBe('cmon_grid_idle_vms{grid="g",cloud="c"}');
    expect(jobsSeries('g', 'c', 'held')).toBe('cmon_grid_jobs{grid="g",cloud="c",status="held"}');
    expect(quotaSeries('g', 'c')).toBe('cmon_grid_cloud_quota{grid="g",cloud="c"}');
  });

  it('selects the grid totals by their missing cloud label', () => {
    expect(vmsSeries('g', undefined, 'total')).toBe('cmon_grid_vms{grid="g",cloud="",status="total"}');
    expect(jobsSeries('g', undefined, 'idle')).toBe('cmon_grid_jobs{grid="g",cloud="",status="idle"}');
  });

  it('names VMs by type, per cloud and for the grid', () => {
    expect(vmsByTypeSeries('g', 'c', 'large')).toBe(
      'cmon_grid_vms_by_type{grid="g",cloud="c",vmtype="large"}',
    );
    expect(vmsByTypeSeries('g', undefined, 'large')).toBe(
      'cmon_grid_vms_by_type{grid="g",cloud="",vmtype="large"}',
    );
    expect(vmsByTypeSeries('g', 'c', 'say "x"')).toBe(
      'cmon_grid_vms_by_type{grid="g",cloud="c",vmtype="say \\"x\\""}',
    );
  });

  it('names jobs by owner', () => {
    expect(jobsByOwnerSeries('g', 'alice', 'running')).toBe(
      'cmon_grid_jobs_by_owner{grid="g",owner="alice",status="running"}',
    );
  });

  it('escapes cloud and owner names from outside', () => {
    expect(vmsSeries('g', 'east "1"', 'error')).toBe(
      'cmon_grid_vms{grid="g",cloud="east \\"1\\"",status="error"}',
    );
    expect(jobsByOwnerSeries('g', 'do\\main', 'idle')).toBe(
      'cmon_grid_jobs_by_owner{grid="g",owner="do\\\\main",status="idle"}',
    );
  });
});

describe('plotHref', () => {
  it('url-encodes the selector and round-trips it', () => {
    const sel = vmsSeries('g', 'a&b', 'running');
    const href = plotHref(sel);
    expect(href.startsWith('/plot?match=')).toBe(true);
    expect(href).not.toContain('{');
    expect(new URL(href, 'http://x').searchParams.get('match')).toBe(sel);
  });
});
