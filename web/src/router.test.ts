import { describe, expect, it } from 'vitest';
import { entityHref, entityPath, gridOfSource, matchRoute, sourceHref, withKiosk } from './router.js';

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'wallboard' }],
    ['/settings', { name: 'settings', section: 'accounts' }],
    ['/settings/', { name: 'settings', section: 'accounts' }],
    ['/settings/users', { name: 'settings', section: 'users' }],
    ['/settings/tokens', { name: 'settings', section: 'tokens' }],
    ['/settings/audit', { name: 'settings', section: 'audit' }],
    ['/settings/nope', { name: 'not-found' }],
    ['/login', { name: 'login' }],
    ['/account', { name: 'account' }],
    ['/sources/s1/entities/en42', { name: 'entity', sourceId: 's1', entityId: 'en42' }],
    ['/sources/a%2Fb/entities/x%20y', { name: 'entity', sourceId: 'a/b', entityId: 'x y' }],
    ['/sources/s1/entities', { name: 'not-found' }],
    ['/sources/%E0%A4%A/entities/x', { name: 'not-found' }],
    ['/nope', { name: 'not-found' }],
  ])('%s', (path, want) => {
    expect(matchRoute(path)).toEqual(want);
  });

  it('round-trips ids through entityPath', () => {
    expect(matchRoute(entityPath('src/1?', 'en#2'))).toEqual({
      name: 'entity',
      sourceId: 'src/1?',
      entityId: 'en#2',
    });
  });
});

describe('withKiosk', () => {
  it('keeps kiosk mode on links', () => {
    expect(withKiosk('/', false)).toBe('/');
    expect(withKiosk('/', true)).toBe('/?kiosk=1');
    expect(withKiosk('/x?a=1', true)).toBe('/x?a=1&kiosk=1');
  });
});

describe('grid routes', () => {
  it.each([
    ['/grids', { name: 'grids' }],
    ['/grids/', { name: 'grids' }],
    ['/grids/g1', { name: 'grid', grid: 'g1' }],
    ['/grids/g1/clouds/east%201', { name: 'cloud', grid: 'g1', cloud: 'east 1' }],
    ['/grids/g1/vms/vm%3A7', { name: 'vm', grid: 'g1', vmId: 'vm:7' }],
    ['/grids/g1/jobs/123.0', { name: 'job', grid: 'g1', jobId: '123.0' }],
    ['/grids/g1/clouds', { name: 'not-found' }],
    ['/grids/g1/nodes/x', { name: 'not-found' }],
    ['/grids/%E0%A4%A/clouds/x', { name: 'not-found' }],
    ['/grids/g1/clouds/%E0%A4%A', { name: 'not-found' }],
    ['/plot', { name: 'plot' }],
  ])('%s', (path, want) => {
    expect(matchRoute(path)).toEqual(want);
  });

  it('links a grid source header to its grid page and accounts nowhere', () => {
    expect(gridOfSource({ id: 'grid:g1', type: 'grid' })).toBe('g1');
    expect(gridOfSource({ id: 'grid:', type: 'grid' })).toBeNull();
    expect(gridOfSource({ id: 'grid:g1', type: 'rackspace' })).toBeNull();
    expect(sourceHref({ id: 'grid:g1', type: 'grid' })).toBe('/grids/g1');
    expect(sourceHref({ id: 's1', type: 'rackspace' })).toBeNull();
  });

  it('links a grid circle to its cloud page (by label, the cloud name) and others to the server page', () => {
    const cloud = { id: 'cloud-0123456789abcdef', label: 'east/1' };
    expect(entityHref({ id: 'grid:g1', type: 'grid' }, cloud)).toBe('/grids/g1/clouds/east%2F1');
    expect(entityHref({ id: 'grid:g1', type: 'grid' }, { id: 'grid-pool', label: 'g1 pool' })).toBe(
      '/grids/g1',
    );
    expect(matchRoute(entityHref({ id: 'grid:g1', type: 'grid' }, cloud))).toEqual({
      name: 'cloud',
      grid: 'g1',
      cloud: 'east/1',
    });
    expect(entityHref({ id: 's1', type: 'rackspace' }, { id: 'en1', label: 'web' })).toBe(
      entityPath('s1', 'en1'),
    );
  });
});
