import { describe, expect, it } from 'vitest';
import { entityPath, matchRoute, withKiosk } from './router.js';

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
