import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { AuthService } from '../auth/service.js';
import type { Config } from '../config/schema.js';
import type { HistoryStore } from '../history/store.js';
import type { AmqpConsumer } from '../ingest/amqp-consumer.js';
import type { ChangeBus } from '../live/bus.js';
import type { GridService } from '../sources/grid/service.js';
import type { SourceService } from '../sources/service.js';
import type { LatestState } from '../state/latest.js';
import type { Store } from '../store/types.js';

export interface Services {
  config: Config;
  store: Store;
  state: LatestState;
  bus: ChangeBus;
  sources: SourceService;
  auth: AuthService;
  grids: GridService;
  history: HistoryStore;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    cmon: Services;
    /** Present when amqp.url is configured. */
    amqpConsumer: AmqpConsumer | undefined;
  }
}
