import { describe, expect, it } from 'vitest';
import type { GridSummary, VmCounts } from './gridTypes.js';
import {
  ariaSort,
  cloudPath,
  filterPatch,
  formatAge,
  gridPath,
  jobPath,
  listApiPath,
  listKeys,
  mergeGrids,
  normalizeGridSummary,
  ownersByJobs,
  pageCount,
  pagePatch,
  patchSearch,
  pickSummary,
  rangeText,
  readList,
  sortPatch,
  vmPath,
  vmStateColumns,
  vmTypeColumns,
} from './gridView.js';

function summary(collectedAt: number, stale = false): GridSummary {
  const jobs = { idle: 0, running: 0, held: 0, completed: 0, removed: 0, suspended: 0, total: 0 };
  return { name: 'g', collectedAt, stale, clouds: [], vms: { total: 0 }, jobs, jobsByOwner: {} };
}

describe('paths', () => {
  it('encodes names and ids', () => {
    expect(gridPath('g1')).toBe('/grids/g1');
    expect(cloudPath('g1', 'east/1 a')).toBe('/grids/g1/clouds/east%2F1%20a');
    expect(vmPath('g1', 'vm:1')).toBe('/grids/g1/vms/vm%3A1');
    expect(jobPath('g1', '123.0')).toBe('/grids/g1/jobs/123.0');
  });
});

describe('vmStateColumns', () => {
  it('shows the usual four first, then any other state seen, never total', () => {
    const a = { total: 3, starting: 0, running: 2, retiring: 0, error: 1 } as VmCounts;
    const b = { total: 2, booting: 1, unreachable: 1 } as VmCounts;
    expect(vmStateColumns([a, b])).toEqual([
      'starting',
      'running',
      'retiring',
      'error',
      'booting',
      'unreachable',
    ]);
    expect(vmStateColumns([])).toEqual(['starting', 'running', 'retiring', 'error']);
  });
});

describe('ownersByJobs', () => {
  it('orders by job count, then by name', () => {
    const c = (total: number) => ({
      idle: 0,
      running: 0,
      held: 0,
      completed: 0,
      removed: 0,
      suspended: 0,
      total,
    });
    expect(ownersByJobs({ bob: c(2), alice: c(2), zed: c(9) })).toEqual(['zed', 'alice', 'bob']);
  });
});

describe('pickSummary', () => {
  it('prefers the streamed summary when it is as new or newer', () => {
    const old = summary(1000);
    const newer = summary(2000);
    const staleNow = summary(1000, true);
    expect(pickSummary(null, null)).toBeNull();
    expect(pickSummary(old, null)).toBe(old);
    expect(pickSummary(null, old)).toBe(old);
    expect(pickSummary(old, newer)).toBe(newer);
    expect(pickSummary(newer, old)).toBe(newer);
    expect(pickSummary(old, staleNow)).toBe(staleNow);
  });
});

describe('formatAge', () => {
  it.each([
    [0, 'just now'],
    [-5000, 'just now'],
    [35_000, '35 s ago'],
    [59_999, '59 s ago'],
    [120_000, '2 min ago'],
    [3_600_000, '1 h ago'],
    [3_900_000, '1 h 5 min ago'],
    [86_400_000, '1 day ago'],
    [3 * 86_400_000, '3 days ago'],
  ])('%d ms → %s', (diff, want) => {
    expect(formatAge(1_000_000_000 - diff, 1_000_000_000)).toBe(want);
  });
});

describe('list state in the URL', () => {
  const keys = listKeys('vm', 'state');

  it('names keys by prefix', () => {
    expect(keys).toEqual({
      sort: 'vm_sort',
      order: 'vm_order',
      filter: 'vm_state',
      q: 'vm_q',
      page: 'vm_page',
    });
  });

  it('reads defaults and bad values safely', () => {
    expect(readList(new URLSearchParams(''), keys)).toEqual({
      sort: null,
      order: 'asc',
      filter: '',
      q: '',
      page: 1,
    });
    expect(readList(new URLSearchParams('vm_page=x&vm_order=sideways'), keys)).toMatchObject({
      page: 1,
      order: 'asc',
    });
    expect(
      readList(
        new URLSearchParams('vm_sort=user&vm_order=desc&vm_state=error&vm_q=ab&vm_page=3&job_page=9'),
        keys,
      ),
    ).toEqual({ sort: 'user', order: 'desc', filter: 'error', q: 'ab', page: 3 });
  });

  it('builds the API path of a page', () => {
    const s = readList(
      new URLSearchParams('vm_sort=user&vm_order=desc&vm_state=error&vm_q=%20a%26b%20&vm_page=3'),
      keys,
    );
    const path = listApiPath('/grids/g/vms', { cloud: 'east 1' }, s, 'state', 100);
    const [base, query] = path.split('?');
    expect(base).toBe('/grids/g/vms');
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      cloud: 'east 1',
      state: 'error',
      q: 'a&b',
      sort: 'user',
      order: 'desc',
      limit: '100',
      offset: '200',
    });
    const plain = listApiPath('/grids/g/jobs', {}, readList(new URLSearchParams(''), keys), 'status', 100);
    expect(plain).toBe('/grids/g/jobs?limit=100&offset=0');
  });

  it('sorts a new column ascending, flips the current one, and goes back to page 1', () => {
    const none = readList(new URLSearchParams('vm_page=4'), keys);
    expect(sortPatch(keys, none, 'user', 'hostname')).toEqual({
      vm_sort: 'user',
      vm_order: null,
      vm_page: null,
    });
    expect(sortPatch(keys, none, 'hostname', 'hostname')).toEqual({
      vm_sort: 'hostname',
      vm_order: 'desc',
      vm_page: null,
    });
    const desc = readList(new URLSearchParams('vm_sort=user&vm_order=desc'), keys);
    expect(sortPatch(keys, desc, 'user', 'hostname')).toEqual({
      vm_sort: 'user',
      vm_order: null,
      vm_page: null,
    });
  });

  it('tells aria-sort', () => {
    const none = readList(new URLSearchParams(''), keys);
    expect(ariaSort(none, 'hostname', 'hostname')).toBe('ascending');
    expect(ariaSort(none, 'user', 'hostname')).toBe('none');
    const desc = readList(new URLSearchParams('vm_sort=user&vm_order=desc'), keys);
    expect(ariaSort(desc, 'user', 'hostname')).toBe('descending');
  });

  it('patches the search string, resetting the page on a filter change', () => {
    expect(patchSearch('?vm_page=3&job_q=x', filterPatch(keys, 'filter', 'error'))).toBe(
      '?job_q=x&vm_state=error',
    );
    expect(patchSearch('?vm_state=error', filterPatch(keys, 'filter', ''))).toBe('');
    expect(patchSearch('', pagePatch(keys, 2))).toBe('?vm_page=2');
    expect(patchSearch('?vm_page=2', pagePatch(keys, 1))).toBe('');
  });
});

describe('paging text', () => {
  it('tells the range', () => {
    expect(rangeText(0, 0, 0)).toBe('none');
    expect(rangeText(100, 100, 1234)).toBe(`101–200 of ${(1234).toLocaleString()}`);
    expect(rangeText(500, 0, 20)).toBe('none of 20');
    expect(pageCount(0, 100)).toBe(1);
    expect(pageCount(201, 100)).toBe(3);
  });
});

describe('mergeGrids', () => {
  it('overlays newer streamed summaries, adds grids only the stream knows, and sorts by name', () => {
    const a1 = { ...summary(1000), name: 'a' };
    const a2 = { ...summary(2000), name: 'a' };
    const b10 = { ...summary(5000), name: 'b10' };
    const b2old = { ...summary(1), name: 'b2' };
    const b2 = { ...summary(9), name: 'b2' };
    expect(
      mergeGrids([b10, a1, b2], { a: a2, b2: b2old, z: { ...summary(3), name: 'z' } }).map((g) => [
        g.name,
        g.collectedAt,
      ]),
    ).toEqual([
      ['a', 2000],
      ['b2', 9],
      ['b10', 5000],
      ['z', 3],
    ]);
    expect(mergeGrids([], {})).toEqual([]);
  });
});

describe('vmTypeColumns', () => {
  it('is every type seen, by name, with the untyped last', () => {
    expect(vmTypeColumns([{ large: 1, small: 2 }, undefined, { '': 1, medium: 0, large: 3 }])).toEqual([
      'large',
      'medium',
      'small',
      '',
    ]);
    expect(vmTypeColumns([])).toEqual([]);
  });
});

describe('normalizeGridSummary', () => {
  it('fills in what a summary of the past leaves out', () => {
    const s = normalizeGridSummary({
      name: 'g',
      at: 5,
      clouds: [{ name: 'c', vms: { running: 2, total: 2 } } as never],
      vms: { running: 2, total: 2 },
    });
    expect(s).toEqual({
      name: 'g',
      at: 5,
      collectedAt: 0,
      stale: false,
      clouds: [
        {
          name: 'c',
          enabled: true,
          quota: null,
          vms: { running: 2, total: 2 },
          slots: { claimed: 0, unclaimed: 0, total: 0 },
          idleVms: 0,
          jobs: { idle: 0, running: 0, held: 0, completed: 0, removed: 0, suspended: 0, total: 0 },
          vmTypes: {},
        },
      ],
      vms: { running: 2, total: 2 },
      jobs: { idle: 0, running: 0, held: 0, completed: 0, removed: 0, suspended: 0, total: 0 },
      jobsByOwner: {},
      vmTypes: {},
    });
  });

  it('keeps what it was given', () => {
    const jobs = { idle: 1, running: 2, held: 3, completed: 4, removed: 5, suspended: 6, total: 21 };
    const s = normalizeGridSummary({
      name: 'g',
      collectedAt: 9,
      stale: true,
      clouds: [
        {
          name: 'c',
          enabled: false,
          quota: 10,
          vms: { total: 1, error: 1 },
          slots: { claimed: 1, unclaimed: 2, total: 3 },
          idleVms: 1,
          jobs,
          vmTypes: { a: 1 },
        },
      ],
      vms: { total: 1, error: 1 },
      jobs,
      jobsByOwner: { alice: jobs },
      vmTypes: { a: 1 },
    });
    expect(s.clouds[0]).toMatchObject({ enabled: false, quota: 10, idleVms: 1, jobs, vmTypes: { a: 1 } });
    expect(s.jobsByOwner.alice).toEqual(jobs);
    expect(s.stale).toBe(true);
    expect(s.collectedAt).toBe(9);
  });
});
