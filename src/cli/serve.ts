import { ConfigError, describeConfig, loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { buildApp } from '../server/app.js';
import type { App } from '../server/types.js';
import { parseCommandArgs, UsageError, untilSignal } from './args.js';

const USAGE = `Usage: cmon serve [--config FILE] [--port N] [--host ADDR] [--data DIR]

Runs the cmon server: HTTP API under /api/v1, the wallboard UI, and the source pollers.

Options:
  --config FILE   YAML config file (or CMON_CONFIG_FILE)
  --port N        listen port (CMON_PORT; default 8080)
  --host ADDR     listen address (CMON_HOST; default 127.0.0.1)
  --data DIR      data directory: SQLite file and secret key (CMON_DATA_DIR; default ./data)
  -h, --help      this help

Every config key can also be set by environment: CMON_ + the key in UPPER_SNAKE
(e.g. CMON_ADMIN_TOKEN, CMON_RACKSPACE_MAX_CONCURRENT_REQUESTS).
`;

const SERVE_OPTIONS = {
  config: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
} as const;

export function configFromArgs(values: {
  config?: string;
  port?: string;
  host?: string;
  data?: string;
}): Config {
  return loadConfig({
    file: values.config,
    flags: { port: values.port, host: values.host, dataDir: values.data },
  });
}

/** Builds and listens; prints the one line a user needs. */
export async function startServer(config: Config): Promise<App> {
  const app = await buildApp({ config });
  app.log.info({ config: describeConfig(config) }, 'effective configuration');
  await app.listen({ port: config.port, host: config.host });
  return app;
}

export async function runServe(argv: string[]): Promise<number> {
  let config: Config;
  try {
    const { values } = parseCommandArgs(argv, SERVE_OPTIONS);
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    config = configFromArgs(values);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof UsageError) {
      process.stderr.write(`cmon serve: ${err.message}\n`);
      return 3;
    }
    throw err;
  }
  const app = await startServer(config);
  await untilSignal();
  await app.close();
  return 0;
}
