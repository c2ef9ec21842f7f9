import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, makeTestApp } from '../../test/helpers/app.js';
import type { App } from './types.js';

let app: App;
afterEach(async () => app?.close());

describe('server', () => {
  it('answers health', async () => {
    ({ app } = await makeTestApp());
    const res = await app.inject({ url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves an OpenAPI document of every route', async () => {
    ({ app } = await makeTestApp());
    const doc = (await app.inject({ url: '/api/docs/json', headers: ADMIN })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/api/v1/health',
      '/api/v1/overview',
      '/api/v1/stream',
      '/api/v1/sources',
      '/api/v1/sources/{id}',
      '/api/v1/sources/{id}/test',
      '/api/v1/sources/test',
      '/api/v1/sources/{id}/entities/{entityId}',
    ]) {
      expect(paths).toContain(p);
    }
    expect(doc.paths['/api/v1/sources'].post.requestBody).toBeDefined();
    expect((await app.inject({ url: '/api/docs', headers: ADMIN })).statusCode).toBeLessThan(400);
  });

  it('answers an empty overview as JSON', async () => {
    ({ app } = await makeTestApp());
    const res = await app.inject({ url: '/api/v1/overview', headers: ADMIN });
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({ generatedAt: expect.any(Number), sources: [] });
  });
});
