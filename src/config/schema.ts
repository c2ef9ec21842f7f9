import { type Static, Type } from 'typebox';

export const DEFAULT_IDENTITY_URL = 'https://identity.api.rackspacecloud.com/v2.0';

const Strict = { additionalProperties: false } as const;

/**
 * Every key is settable in the YAML file and by environment: `CMON_` + the key path in
 * UPPER_SNAKE (`rackspace.maxConcurrentRequests` → `CMON_RACKSPACE_MAX_CONCURRENT_REQUESTS`).
 */
export const ConfigSchema = Type.Object(
  {
    port: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
    host: Type.String({ minLength: 1, default: '127.0.0.1' }),
    dataDir: Type.String({ minLength: 1, default: './data' }),
    /** Bootstrap admin bearer token; every request that changes something needs it when set. */
    adminToken: Type.Optional(Type.String({ minLength: 16, secret: true })),
    /** Password of the first admin, created on a first start with no users; else a one-time password is logged. */
    adminPassword: Type.Optional(Type.String({ minLength: 8, secret: true })),
    /** Behind a reverse proxy: trust X-Forwarded-For/-Proto (client address, Secure cookies). */
    trustProxy: Type.Boolean({ default: false }),
    /** 32-byte key, base64 or hex, for secrets at rest; else a key file in the data dir. */
    secretKey: Type.Optional(Type.String({ minLength: 1, secret: true })),
    logLevel: Type.Union(
      [
        Type.Literal('fatal'),
        Type.Literal('error'),
        Type.Literal('warn'),
        Type.Literal('info'),
        Type.Literal('debug'),
        Type.Literal('trace'),
        Type.Literal('silent'),
      ],
      { default: 'info' },
    ),
    bodyLimitBytes: Type.Integer({ minimum: 1024, maximum: 64 * 1024 * 1024, default: 1024 * 1024 }),
    /** A source is stale when its last success is older than this many poll intervals. */
    staleAfterIntervals: Type.Number({ minimum: 1, maximum: 1000, default: 3 }),
    auth: Type.Object(
      {
        /** Open reads (board, API GETs) without signing in, for an internal wallboard. */
        anonymousRead: Type.Boolean({ default: false }),
        sessionIdleMinutes: Type.Number({ minimum: 1, maximum: 525_600, default: 720 }),
        sessionMaxHours: Type.Number({ minimum: 1, maximum: 8_760, default: 168 }),
        loginWindowMinutes: Type.Number({ minimum: 1, maximum: 1440, default: 15 }),
        loginMaxFailuresPerUser: Type.Integer({ minimum: 1, maximum: 1000, default: 5 }),
        loginMaxFailuresPerAddress: Type.Integer({ minimum: 1, maximum: 10_000, default: 20 }),
      },
      { ...Strict, default: {} },
    ),
    http: Type.Object(
      {
        /** CSP frame-ancestors: who may embed cmon in a frame. */
        frameAncestors: Type.String({ minLength: 1, default: "'none'" }),
        /** Comma-separated origins allowed by CORS; empty = CORS off. */
        corsOrigins: Type.String({ default: '' }),
      },
      { ...Strict, default: {} },
    ),
    grid: Type.Object(
      {
        /** A grid whose collector has been silent this long is stale (and its clouds CRITICAL). */
        staleAfterMinutes: Type.Number({ minimum: 1, maximum: 10_080, default: 5 }),
        maxSnapshotBytes: Type.Integer({
          minimum: 1024,
          maximum: 1024 * 1024 * 1024,
          default: 256 * 1024 * 1024,
        }),
        /** Derived alarms per cloud: WARNING at the first number, CRITICAL at the second. */
        heldJobsWarning: Type.Integer({ minimum: 1, default: 1 }),
        heldJobsCritical: Type.Integer({ minimum: 1, default: 100 }),
        vmErrorsWarning: Type.Integer({ minimum: 1, default: 1 }),
        vmErrorsCritical: Type.Integer({ minimum: 1, default: 5 }),
        /** Idle VMs while jobs wait: WARNING at this many idle VMs. */
        idleVmsWarning: Type.Integer({ minimum: 1, default: 1 }),
      },
      { ...Strict, default: {} },
    ),
    history: Type.Object(
      {
        /** Raw samples are kept this many days, 5-minute rollups this many, hourly ones forever (0 = forever). */
        rawRetentionDays: Type.Number({ minimum: 1, default: 90 }),
        fiveMinuteRetentionDays: Type.Number({ minimum: 1, default: 730 }),
        hourRetentionDays: Type.Number({ minimum: 0, default: 0 }),
      },
      { ...Strict, default: {} },
    ),
    amqp: Type.Object(
      {
        /** When set, cmon consumes grid snapshots from RabbitMQ (amqp://user:pass@host:5672/vhost). */
        url: Type.Optional(Type.String({ pattern: '^amqps?://', secret: true })),
        prefetch: Type.Integer({ minimum: 1, maximum: 1000, default: 4 }),
        reconnectMaxSec: Type.Number({ minimum: 1, maximum: 600, default: 30 }),
      },
      { ...Strict, default: {} },
    ),
    rackspace: Type.Object(
      {
        maxConcurrentRequests: Type.Integer({ minimum: 1, maximum: 256, default: 16 }),
        requestTimeoutSec: Type.Number({ minimum: 1, maximum: 600, default: 30 }),
        defaultIdentityUrl: Type.String({ format: 'uri', default: DEFAULT_IDENTITY_URL }),
      },
      { ...Strict, default: {} },
    ),
  },
  Strict,
);

export type Config = Static<typeof ConfigSchema>;
