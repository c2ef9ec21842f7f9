import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { adminTokenHook } from '../auth/admin-token.js';
import { loadSecretBox, type SecretBox } from '../auth/secrets.js';
import type { Config } from '../config/schema.js';
import { type ChangeBus, LocalBus } from '../live/bus.js';
import { sourcesPlugin } from '../sources/plugin.js';
import { SourceService } from '../sources/service.js';
import { LatestState } from '../state/latest.js';
import { SqliteStore } from '../store/sqlite/store.js';
import type { Store } from '../store/types.js';
import { packageRoot } from '../util/package-root.js';
import { type ErrorBody, type FastifyLikeError, toErrorDef } from './errors.js';
import { health } from './routes/health.js';
import { overview } from './routes/overview.js';
import { stream } from './routes/stream.js';
import type { App } from './types.js';

export interface BuildOptions {
  config: Config;
  store?: Store;
  box?: SecretBox;
  bus?: ChangeBus;
  logger?: FastifyServerOptions['logger'];
  now?: () => number;
}

export const WEB_ROOT = join(packageRoot(), 'dist', 'web');

/** Assembles cmon's server without listening: tests call `inject()`, `cmon serve` calls `listen()`. */
export async function buildApp(opts: BuildOptions): Promise<App> {
  const { config } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    // Rejected fields are reported, never silently dropped.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const store = opts.store ?? new SqliteStore(join(config.dataDir, 'cmon.db'));
  await store.init();
  const box = opts.box ?? loadSecretBox(config.dataDir, config.secretKey);
  const bus = opts.bus ?? new LocalBus();
  const state = new LatestState(store, bus, opts.now);
  await state.load();
  const sources = new SourceService(store, state, box, config, app.log, opts.now);
  app.decorate('cmon', { config, store, state, bus, sources });

  // The API speaks JSON only; a text body gets a clear 415 rather than a confusing schema error.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((err, req, reply) => {
    const { def, message } = toErrorDef(
      err instanceof Error ? (err as FastifyLikeError) : new Error(String(err)),
    );
    if (def.status >= 500) req.log.error({ err }, 'request failed');
    const body: ErrorBody = { code: def.code, message, requestId: String(req.id) };
    return reply.code(def.status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !existsSync(join(WEB_ROOT, 'index.html'))) {
      const body: ErrorBody = {
        code: 'CMON_ERR_NOT_FOUND',
        message: `no route ${req.method} ${req.url.split('?')[0]}`,
        requestId: String(req.id),
      };
      return reply.code(404).send(body);
    }
    // Every other path is a page of the single-page UI.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  app.addHook('onRequest', adminTokenHook(config.adminToken));
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'cmon API', version: '1', description: "C'mon: monitor your clouds" },
      components: { securitySchemes: { adminToken: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<TypeBoxTypeProvider>();
      health(typed);
      overview(typed);
      stream(typed);
      await typed.register(sourcesPlugin);
    },
    { prefix: '/api/v1' },
  );

  if (existsSync(WEB_ROOT)) {
    await app.register(fastifyStatic, { root: WEB_ROOT, wildcard: false, index: ['index.html'] });
  }

  app.addHook('onReady', async () => sources.start());
  app.addHook('onClose', async () => {
    await sources.stop();
    await store.close();
  });
  return app;
}
