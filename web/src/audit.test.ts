import { describe, expect, it } from 'vitest';
import { appendPage, describeDetails } from './audit.js';
import type { AuditEntry } from './types.js';

const entry = (id: number): AuditEntry => ({
  id,
  at: id * 1000,
  actor: 'ada',
  action: 'user.create',
  target: null,
  ip: null,
  details: null,
});

describe('appendPage', () => {
  it('appends older entries and skips repeats', () => {
    const got = appendPage([entry(5), entry(4)], [entry(4), entry(3)]);
    expect(got.map((e) => e.id)).toEqual([5, 4, 3]);
  });
  it('treats "4" and 4 as the same id', () => {
    expect(appendPage([entry(4)], [{ ...entry(4), id: '4' }]).length).toBe(1);
  });
});

describe('describeDetails', () => {
  it.each([
    [null, ''],
    [{}, ''],
    [{ role: 'admin' }, 'role: admin'],
    [
      { from: 'viewer', to: 'admin', n: 2, ok: true, none: null },
      'from: viewer, to: admin, n: 2, ok: true, none: —',
    ],
    [{ scopes: ['read', 'ingest:eu'] }, 'scopes: ["read","ingest:eu"]'],
    [{ label: '<img src=x onerror=alert(1)>' }, 'label: <img src=x onerror=alert(1)>'],
  ])('%j', (d, want) => {
    expect(describeDetails(d)).toBe(want);
  });
});
