import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { installAuth } from '../auth/hook.js';
import { settlePendingRotation } from '../auth/rotate.js';
import { auditRoutes } from '../auth/routes/audit.js';
import { kioskRoute } from '../auth/routes/kiosk.js';
import { sessionRoutes } from '../auth/routes/session.js';
import { tokenRoutes } from '../auth/routes/tokens.js';
import { userRoutes } from '../auth/routes/users.js';
import { loadSecretBox, type SecretBox } from '../auth/secrets.js';
import { AuthService } from '../auth/service.js';
import type { Config } from '../config/schema.js';
import { historyPlugin } from '../history/plugin.js';
import { gridSeriesWriter, sourceFailureWriter, sourceSeriesWriter } from '../history/recorder.js';
import { metricsRoute } from '../history/routes/metrics.js';
import { SqliteHistoryStore } from '../history/sqlite/store.js';
import type { HistoryStore } from '../history/store.js';
import { AmqpConsumer } from '../ingest/amqp-consumer.js';
import { type ChangeBus, LocalBus } from '../live/bus.js';
import { gridPlugin } from '../sources/grid/plugin.js';
import { GridService } from '../sources/grid/service.js';
import { sourcesPlugin } from '../sources/plugin.js';
import { SourceService } from '../sources/service.js';
import { LatestState } from '../state/latest.js';
import { SqliteStore } from '../store/sqlite/store.js';
import type { Store } from '../store/types.js';
import { packageRoot } from '../util/package-root.js';
import { CmonError, type ErrorBody, type FastifyLikeError, toErrorDef } from './errors.js';
import { health } from './routes/health.js';
import { overview } from './routes/overview.js';
import { stream } from './routes/stream.js';
import type { App } from './types.js';
import { validatorCompiler } from './validation.js';

export interface BuildOptions {
  config: Config;
  store?: Store;
  history?: HistoryStore;
  box?: SecretBox;
  bus?: ChangeBus;
  logger?: FastifyServerOptions['logger'];
  now?: () => number;
}

export const WEB_ROOT = join(packageRoot(), 'dist', 'web');

/** A kiosk link carries a token in its query: the request log keeps the path, never the secret. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|access_token)=)[^&#]*/gi, '$1[redacted]');
}

function withRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger || typeof logger !== 'object') return logger;
  return {
    ...logger,
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        remoteAddress: req.ip,
      }),
    },
  };
}

/** Assembles cmon's server without listening: tests call `inject()`, `cmon serve` calls `listen()`. */
export async function buildApp(opts: BuildOptions): Promise<App> {
  const { config } = opts;
  const app = Fastify({
    logger: withRedaction(opts.logger ?? { level: config.logLevel }),
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Rejected fields are reported, never silently dropped; only text parts are coerced.
  app.setValidatorCompiler(validatorCompiler());

  const store = opts.store ?? new SqliteStore(join(config.dataDir, 'cmon.db'));
  await store.init();
  if (!opts.box && !config.secretKey) await settlePendingRotation(config.dataDir, store);
  const box = opts.box ?? loadSecretBox(config.dataDir, config.secretKey);
  const bus = opts.bus ?? new LocalBus();
  const state = new LatestState(store, bus, opts.now);
  await state.load();
  const sources = new SourceService(store, state, box, config, app.log, opts.now);
  const auth = new AuthService(store.auth, config, app.log, opts.now);
  await auth.ensureFirstAdmin();
  const grids = new GridService(store, state, bus, config, app.log, opts.now);
  const days = (n: number) => (n > 0 ? n * 86_400_000 : null);
  const history =
    opts.history ??
    new SqliteHistoryStore(join(config.dataDir, 'history.db'), {
      retention: {
        raw: days(config.history.rawRetentionDays),
        '5m': days(config.history.fiveMinuteRetentionDays),
        '1h': days(config.history.hourRetentionDays),
      },
      ...(opts.now ? { now: opts.now } : {}),
      onError: (err, what) => app.log.error({ err }, `history: background ${what} failed`),
    });
  await history.init();
  grids.seriesSink = gridSeriesWriter(history);
  sources.onPolled = sourceSeriesWriter(history, state);
  sources.onPollFailed = sourceFailureWriter(history, state);
  app.decorate('cmon', { config, store, state, bus, sources, auth, grids, history });

  // The API speaks JSON only; a text body gets a clear 415 rather than a confusing schema error.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((err, req, reply) => {
    const { def, message } = toErrorDef(
      err instanceof Error ? (err as FastifyLikeError) : new Error(String(err)),
    );
    if (def.status >= 500) req.log.error({ err }, 'request failed');
    const body: ErrorBody = { code: def.code, message, requestId: String(req.id) };
    if (err instanceof CmonError) reply.headers(err.headers);
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
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Styles may be inline (the UI sets ring colours through the CSSOM); scripts may not.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: config.http.frameAncestors.split(/\s+/),
      },
    },
    frameguard: config.http.frameAncestors === "'none'" ? { action: 'deny' } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
  const origins = config.http.corsOrigins
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length > 0) await app.register(fastifyCors, { origin: origins, credentials: true });
  installAuth(app, auth);
  // A query the route does not take is an error, not something silently ignored.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    route.schema = {
      ...route.schema,
      querystring: route.schema?.querystring ?? { type: 'object', additionalProperties: false },
    };
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
      sessionRoutes(typed);
      userRoutes(typed);
      tokenRoutes(typed);
      auditRoutes(typed);
      await typed.register(sourcesPlugin);
      await typed.register(gridPlugin);
      await typed.register(historyPlugin, { history });
    },
    { prefix: '/api/v1' },
  );

  kioskRoute(app);
  metricsRoute(app);
  if (existsSync(WEB_ROOT)) {
    // wildcard: files built after start-up are served too (a missing one falls to the SPA page).
    await app.register(fastifyStatic, { root: WEB_ROOT, index: ['index.html'] });
  }

  const sweep = setInterval(() => void auth.sessions.sweep().catch(() => undefined), 3_600_000);
  sweep.unref();
  const consumer = config.amqp.url
    ? new AmqpConsumer({
        url: config.amqp.url,
        prefetch: config.amqp.prefetch,
        reconnectMaxMs: config.amqp.reconnectMaxSec * 1000,
        ingest: (body, raw) => grids.ingest(body, raw),
        log: app.log,
      })
    : undefined;
  app.decorate('amqpConsumer', consumer);
  app.addHook('onReady', async () => {
    await grids.start();
    await sources.start();
    consumer?.start();
  });
  app.addHook('onClose', async () => {
    clearInterval(sweep);
    await consumer?.stop();
    grids.stop();
    await sources.stop();
    await history.close();
    await store.close();
  });
  return app;
}
