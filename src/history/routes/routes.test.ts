import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { type ErrorBody, type FastifyLikeError, toErrorDef } from '../../server/errors.js';
import type { App } from '../../server/types.js';
import { historyPlugin } from '../plugin.js';
import { queryHistory } from '../query.js';
import { parseSelector } from '../selector.js';
import { SqliteHistoryStore } from '../sqlite/store.js';
import { QueryAnswer } from './query.js';

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

  it('answers a query byte for byte as its response schema would serialise the answer', async () => {
    await setup();
    const t = Array.from({ length: 300 }, (_, i) => T0 + i * 45_000 + (i % 7) * 1000);
    await store.write([
      { name: 'm', labels: { host: 'é "q" \\ \n😀', zone: 'b' }, t, v: t.map((_, i) => (i % 11) / 3) },
      { name: 'm', labels: { host: 'c' }, t, v: t.map((_, i) => (i % 5 === 0 ? -0 : 2 ** 40 + i)) },
      { name: 'm', labels: { host: 'd' }, t: t.slice(0, 20), v: t.slice(0, 20).map(() => Number.NaN) },
    ]);
    // The same answer through Fastify's serialiser for the documented schema: the old handler.
    app.get('/reference', { schema: { response: { 200: QueryAnswer } } }, (req) => {
      const { from, to, points } = req.query as Record<string, string>;
      return queryHistory(store, parseSelector('m'), Number(from), Number(to), Number(points));
    });
    for (const [from, to, points] of [
      [T0, T0 + 4 * 3_600_000, 1000],
      [T0 - 60_000, T0 + 3_600_000 + 17, 7],
      [T0 + 12_345, T0 + 12 * 3_600_000, 11_000],
    ]) {
      const got = await app.inject({
        url: `/api/v1/series/query?match=m&from=${from}&to=${to}&points=${points}`,
      });
      const want = await app.inject({ url: `/reference?from=${from}&to=${to}&points=${points}` });
      expect(got.statusCode, got.body).toBe(200);
      expect(got.headers['content-type']).toBe(want.headers['content-type']);
      expect(got.body).toBe(want.body);
    }
  });

  it('exports a day as one body, and streams what does not fit a chunk', async () => {
    await setup();
    const t = Array.from({ length: 40_000 }, (_, i) => T0 + i * 60_000);
    await store.write([
      { name: 'big', labels: { host: 'a-rather-long-host-name' }, t, v: t.map((_, i) => i % 5) },
    ]);
    const line = (i: number) => `big{host="a-rather-long-host-name"} ${i % 5} ${T0 + i * 60_000}`;
    for (const n of [1440, 40_000]) {
      const res = await app.inject({ url: `/api/v1/export?match=big&from=${T0}&to=${T0 + n * 60_000}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.body).toBe(Array.from({ length: n }, (_, i) => `${line(i)}\n`).join(''));
    }
    const none = await app.inject({ url: `/api/v1/export?match=nothing&from=${T0}&to=${T0 + 1}` });
    expect([none.statusCode, none.body]).toEqual([200, '']);
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
