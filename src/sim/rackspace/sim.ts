/** RackspaceSim: Identity v2.0 + Cloud Monitoring over node:http, seeded, with switchable faults. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Entity } from '../../model.js';
import { handleControl } from './control-routes.js';
import { SimCore } from './core.js';
import { sendJson } from './http-util.js';
import { handleIdentity } from './identity-routes.js';
import { handleMaas } from './maas-routes.js';
import type { RequestLog } from './request-log.js';
import type { SimChange } from './state.js';
import type { SimAccount, SimFaults, SimOptions, SimState } from './types.js';

export type { SimAccount, SimFaults, SimOptions } from './types.js';

export class RackspaceSim {
  readonly #core: SimCore;
  readonly #opts: SimOptions;
  readonly #timers = new Set<NodeJS.Timeout>();
  #server: Server | undefined;
  #ticker: NodeJS.Timeout | undefined;

  constructor(opts: SimOptions) {
    this.#opts = opts;
    this.#core = new SimCore(opts);
  }

  async start(): Promise<string> {
    if (this.#server) return this.#core.baseUrl;
    const server = createServer((req, res) => this.#handle(req, res));
    server.keepAliveTimeout = 5_000;
    const host = this.#opts.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#opts.port ?? 0, host, () => resolve());
    });
    this.#server = server;
    const { port } = server.address() as AddressInfo;
    // A wildcard bind is reachable on loopback; catalog URLs must be something a client can dial.
    const shown =
      host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
    this.#core.baseUrl = `http://${shown}:${port}`;
    const every = this.#opts.changeIntervalMs ?? 0;
    if (every > 0) {
      this.#ticker = setInterval(() => this.tick(), every);
      this.#ticker.unref();
    }
    return this.#core.baseUrl;
  }

  async stop(): Promise<void> {
    clearInterval(this.#ticker);
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    // Keep-alive sockets from fetch would otherwise hold close() open for seconds.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get baseUrl(): string {
    return this.#core.baseUrl;
  }

  get identityUrl(): string {
    return `${this.#core.baseUrl}/v2.0`;
  }

  get faults(): SimFaults {
    return this.#core.faults;
  }

  get requestLog(): RequestLog {
    return this.#core.log;
  }

  accounts(): SimAccount[] {
    return this.#core.accounts();
  }

  truth(tenantId: string): Entity[] {
    return this.#core.truth(tenantId);
  }

  setAlarmState(
    tenantId: string,
    entityId: string,
    alarmId: string,
    state: SimState | null,
    status?: string,
  ): void {
    this.#core.setAlarmState(tenantId, entityId, alarmId, state, status);
  }

  tick(): SimChange[] {
    return this.#core.tick();
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://sim');
    const path = url.pathname;
    if (path.startsWith('/_sim/')) {
      this.#run(handleControl(this.#core, req, res, path), res);
      return;
    }
    const log = this.#core.log;
    log.begin(path);
    res.once('close', () => log.end(res.statusCode));
    const serve = () => {
      if (path === '/v2.0' || path.startsWith('/v2.0/'))
        this.#run(handleIdentity(this.#core, req, res, path), res);
      else if (path.startsWith('/v1.0/'))
        this.#run(Promise.resolve(handleMaas(this.#core, req, res, url)), res);
      else sendJson(res, 404, { itemNotFound: { code: 404, message: 'Resource not found' } });
    };
    const slow = this.#core.faults.slowMs;
    if (slow <= 0) {
      serve();
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      serve();
    }, slow);
    this.#timers.add(timer);
  }

  /** A bug in the sim should show up as a 500 with its message, not a hung test. */
  #run(p: Promise<void>, res: ServerResponse): void {
    p.catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (!res.headersSent) sendJson(res, 500, { type: 'internalError', code: 500, message });
      else res.destroy();
    });
  }
}
