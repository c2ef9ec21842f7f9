import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { CmonError, ERRORS } from '../server/errors.js';
import { ACCESS_LEVELS, type Access, allows, type Principal } from './principal.js';
import type { AuthService } from './service.js';

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyInstance {
    /** Every /api route and its access decision, for the auth-matrix test and the docs. */
    routeTable: RouteEntry[];
  }
  interface FastifyContextConfig {
    /** Who may call this route; every /api route must say (checked when it is registered). */
    access?: Access;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes that plugins register (the OpenAPI UI) get their decision here rather than in their own code. */
function defaultAccess(url: string): Access | undefined {
  if (url.startsWith('/api/docs')) return 'read';
  return undefined;
}

/**
 * Installs authentication and authorization on every route: a route without an access decision
 * under /api fails at start-up, so a new route cannot be forgotten.
 */
export function installAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('principal', null as never);
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);

  app.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as { access?: Access };
    if (!route.url.startsWith('/api/') && !config.access) return;
    const access = config.access ?? defaultAccess(route.url);
    if (!access || !ACCESS_LEVELS.includes(access)) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access (config.access)`);
    }
    route.config = { ...config, access };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const access = req.routeOptions.config.access;
    req.principal = { kind: 'anonymous' };
    if (!access) return;
    req.principal = await auth.resolve(req);
    if (!allows(req.principal, access, auth.config.auth.anonymousRead)) {
      if (req.principal.kind === 'anonymous')
        throw new CmonError(ERRORS.UNAUTHORIZED, 'sign in or send an API token');
      throw new CmonError(ERRORS.FORBIDDEN, 'your role may not do this');
    }
    const p = req.principal;
    if ((p.kind === 'user' || p.kind === 'kiosk') && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (sent !== p.csrfToken) throw new CmonError(ERRORS.CSRF, 'missing or wrong X-CSRF-Token header');
    }
  });
}
