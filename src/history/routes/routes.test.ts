import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { type ErrorBody, type FastifyLikeError, toErrorDef } from '../../server/errors.js';
import type { App } from '../../server/types.js';
import { historyPlugin } from '../plugin.js';
import { SqliteHistoryStore } from '../sqlite/store.js';

let app: App;
let store: SqliteHistoryStore;
afterEach(async () => {
  await app?.close();
  await store?.close();
});

/** A minimal server wired like cmon's: no type coercion, cmon's error envelope, no text bodies at the root. */
async function setup(): Promise<App> {
  store = new SqliteHistoryStore(join(mkdtempSync(join(tmpdir(), 'cmon-routes-')), 'history.db'), {
    flushIntervalMs: 0,
    retentionIntervalMs: 0,
  });
  await store.init();
  app = Fastify({
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((err, req, reply) => {
    const { def, message } = toErrorDef(err as FastifyLikeError);
    const body: ErrorBody = { code: def.code, message, requestId: String(req.id) };
    return reply.code(def.status).send(body);
  });
  await app.register(historyPlugin, { prefix: '/api/v1', history: store });
  return app;
}

const T0 = Date.UTC(2024, 0, 1);
const BODY = [
  '# TYPE alarms gauge',
  ...Array.from(
    { length: 120 },
    (_, i) => `alarms{account="a",state="critical"} ${i % 3} ${T0 + i * 60_000}`,
  ),
  `alarms{account="b",state="critical"} 7 ${T0}`,
].join('\n');

const importBody = (payload: string) =>
  app.inject({ method: 'POST', url: '/api/v1/import', payload, headers: { 'content-type': 'text/plain' } });

describe('history API', () => {
  it('imports, lists, queries and exports', async () => {
    await setup();
    const imp = await importBody(BODY);
    expect(imp.statusCode, imp.body).toBe(200);
    expect(imp.json()).toEqual({ series: 2, samples: 121, rejected: 0 });

    const list = await app.inject({
      url: `/api/v1/series?match=${encodeURIComponent('alarms{account=~"a|b"}')}`,
    });
    expect(list.json()).toEqual({
      series: [
        { name: 'alarms', labels: { account: 'a', state: 'critical' } },
        { name: 'alarms', labels: { account: 'b', state: 'critical' } },
      ],
    });

    const q = await app.inject({
      url: `/api/v1/series/query?match=${encodeURIComponent('alarms{account="a"}')}&from=${T0}&to=${T0 + 2 * 3_600_000}&points=2`,
    });
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json().series[0]).toEqual({
      name: 'alarms',
      labels: { account: 'a', state: 'critical' },
      t: [T0, T0 + 3_600_000],
      min: [0, 0],
      max: [2, 2],
      avg: [1, 1],
      last: [2, 2],
    });

    const csv = await app.inject({
      url: `/api/v1/export?match=alarms&from=${T0}&to=${T0 + 60_001}&format=csv`,
    });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toBe(
      [
        'series,timestamp,value',
        `"alarms{account=""a"",state=""critical""}",${T0},0`,
        `"alarms{account=""a"",state=""critical""}",${T0 + 60_000},1`,
        `"alarms{account=""b"",state=""critical""}",${T0},7`,
        '',
      ].join('\n'),
    );
    const prom = await app.inject({ url: `/api/v1/export?match=alarms&from=0&to=${T0 + 1e10}` });
    expect(prom.body.split('\n').filter(Boolean)).toEqual(BODY.split('\n').slice(1));
  });

  it('rejects a bad import line with its number and commits nothing', async () => {
    await setup();
    const res = await importBody(`${BODY}\nalarms{account="c"} x ${T0}\n`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'CMON_ERR_VALIDATION',
      message: 'body: line 123: invalid value "x"',
    });
    const list = await app.inject({ url: '/api/v1/series?match=alarms' });
    expect(list.json()).toEqual({ series: [] });
  });

  it.each([
    ['/api/v1/series?match=', /querystring\.match/],
    ['/api/v1/series?match=up{', /query\.match: bad selector at position 3/],
    [`/api/v1/series/query?match=up&from=10&to=5&points=1`, /query\.to: must be after from/],
    [`/api/v1/series/query?match=up&from=0&to=5&points=20000`, /query\.points: at most 11000/],
    [`/api/v1/series/query?match=up&from=x&to=5&points=1`, /querystring\.from/],
    [`/api/v1/export?match=up&from=0&to=5&format=xml`, /querystring\.format/],
  ])('GET %s → 400', async (url, message) => {
    await setup();
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(message);
  });

  it('only takes text bodies on /import', async () => {
    await setup();
    const res = await app.inject({ method: 'POST', url: '/api/v1/import', payload: { a: 1 } });
    expect(res.statusCode).toBe(415);
  });
});
