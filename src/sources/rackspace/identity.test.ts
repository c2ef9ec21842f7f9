import { describe, expect, it } from 'vitest';
import type { RackspaceError } from './errors.js';
import { authRequestBody, parseAccess, parseExpires, pickMonitoringEndpoint, tokensUrl } from './identity.js';

const MONITOR = {
  name: 'cloudMonitoring',
  type: 'rax:monitor',
  endpoints: [{ tenantId: '123456', publicURL: 'https://monitoring.api.rackspacecloud.com/v1.0/123456' }],
};
const COMPUTE = {
  name: 'cloudServersOpenStack',
  type: 'compute',
  endpoints: [
    { region: 'DFW', tenantId: '123456', publicURL: 'https://dfw.servers.api.rackspacecloud.com/v2/123456' },
  ],
};

describe('parseExpires', () => {
  it.each([
    ['2015-06-05T16:24:57.637Z', Date.UTC(2015, 5, 5, 16, 24, 57, 637)],
    ['2011-12-12T21:01:03.000-06:00', Date.UTC(2011, 11, 13, 3, 1, 3, 0)],
    ['2011-12-12T21:01:03.999-05:00', Date.UTC(2011, 11, 13, 2, 1, 3, 999)],
    ['2011-12-12T21:01:03+0100', Date.UTC(2011, 11, 12, 20, 1, 3, 0)],
    ['2030-01-01T00:00:00Z', Date.UTC(2030, 0, 1)],
  ])('%s', (input, expected) => {
    expect(parseExpires(input)).toBe(expected);
  });
  it.each([[undefined], [null], [''], ['tomorrow'], ['2015-06-05'], [1433521497637]])(
    'rejects %j',
    (input) => {
      expect(parseExpires(input)).toBeUndefined();
    },
  );
});

describe('pickMonitoringEndpoint', () => {
  it.each([
    [
      'by type, no region needed',
      [COMPUTE, MONITOR],
      'https://monitoring.api.rackspacecloud.com/v1.0/123456',
    ],
    [
      'by name when type differs',
      [{ ...MONITOR, type: 'other' }],
      'https://monitoring.api.rackspacecloud.com/v1.0/123456',
    ],
    [
      'first endpoint, trailing slash dropped',
      [{ ...MONITOR, endpoints: [{ publicURL: 'https://m/v1.0/1/' }, { publicURL: 'https://x' }] }],
      'https://m/v1.0/1',
    ],
    [
      'staging entry with a region',
      [{ ...MONITOR, endpoints: [{ region: 'ORD', publicURL: 'https://s/v1.0/1' }] }],
      'https://s/v1.0/1',
    ],
    ['missing', [COMPUTE], undefined],
    ['no endpoints', [{ ...MONITOR, endpoints: [] }], undefined],
    ['not an array', { MONITOR }, undefined],
  ])('%s', (_name, catalog, expected) => {
    expect(pickMonitoringEndpoint(catalog)).toBe(expected);
  });
});

describe('tokensUrl and request body', () => {
  it.each([
    [undefined, 'https://identity.api.rackspacecloud.com/v2.0/tokens'],
    [
      'https://lon.identity.api.rackspacecloud.com/v2.0',
      'https://lon.identity.api.rackspacecloud.com/v2.0/tokens',
    ],
    ['http://127.0.0.1:9/v2.0/', 'http://127.0.0.1:9/v2.0/tokens'],
  ])('tokensUrl(%j)', (input, expected) => {
    expect(tokensUrl(input)).toBe(expected);
  });
  it('uses RAX-KSKEY api key credentials, else password credentials', () => {
    expect(JSON.parse(authRequestBody({ username: 'u', apiKey: 'k', password: 'p' }))).toEqual({
      auth: { 'RAX-KSKEY:apiKeyCredentials': { username: 'u', apiKey: 'k' } },
    });
    expect(JSON.parse(authRequestBody({ username: 'u', password: 'p' }))).toEqual({
      auth: { passwordCredentials: { username: 'u', password: 'p' } },
    });
    expect(() => authRequestBody({ username: 'u' })).toThrow('No API key or password configured for user u');
  });
});

describe('parseAccess', () => {
  const access = (token: unknown, catalog: unknown = [MONITOR]) => ({
    access: { token, serviceCatalog: catalog },
  });
  it('reads id, expiry, tenant and endpoint', () => {
    const body = access({
      id: 'abc',
      expires: '2030-06-05T16:24:57.637Z',
      tenant: { id: '123456', name: '123456' },
    });
    expect(parseAccess(body, 0)).toEqual({
      id: 'abc',
      expiresAt: Date.UTC(2030, 5, 5, 16, 24, 57, 637),
      tenantId: '123456',
      monitoringUrl: 'https://monitoring.api.rackspacecloud.com/v1.0/123456',
    });
  });
  it('falls back to an hour when expires is unreadable', () => {
    expect(parseAccess(access({ id: 'abc', expires: 'soon' }), 1000).expiresAt).toBe(1000 + 3600_000);
  });
  it.each([
    ['no access', {}, 'protocol', /no "access" object/],
    ['no token id', access({ expires: 'x' }), 'protocol', /no token id/],
    ['no monitoring endpoint', access({ id: 'a' }, [COMPUTE]), 'auth', /No Cloud Monitoring endpoint/],
  ])('%s', (_name, body, kind, message) => {
    try {
      parseAccess(body, 0);
      expect.unreachable();
    } catch (err) {
      expect((err as RackspaceError).kind).toBe(kind);
      expect((err as RackspaceError).message).toMatch(message);
    }
  });
});
