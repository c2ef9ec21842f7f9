/** Fake Cloud Monitoring v1.0: overview view and entities, with MaaS auth, faults and error shapes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimCore } from './core.js';
import { overLimitBody, retryHeaders, takeRateLimit } from './faults.js';
import { type Headers, type MaasErrorInput, sendJson, sendMaasError } from './http-util.js';
import { entityJson, overviewJson, pageJson } from './serialize.js';
import type { SimEntity, SimTenant } from './types.js';

const RATE_LIMIT = 50_000;
const MAX_FILTERS = 100;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const MAX_CACHED_PAGES = 64;

type ErrorAnswer = MaasErrorInput & { headers?: Headers };
type Answer = { status: number; body: string | Buffer } | ErrorAnswer;

function rateHeaders(t: SimTenant | undefined): Headers {
  const used = t ? ++t.used : 0;
  return {
    'X-RateLimit-Limit': String(RATE_LIMIT),
    'X-RateLimit-Remaining': String(Math.max(0, RATE_LIMIT - used)),
    'X-RateLimit-Window': '24 hours',
    'X-RateLimit-Type': 'global',
  };
}

/** Over 1000 is 400 invalidLimit as documented; below that the sim's own cap (pageLimitMax) clamps, as mimic does. */
function parseLimit(raw: string | null, max: number): number | MaasErrorInput {
  if (raw === null) return Math.min(DEFAULT_LIMIT, max);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) {
    return {
      status: 400,
      type: 'invalidLimit',
      message: 'Validation error',
      details: `Limit must be between 1 and ${MAX_LIMIT}`,
    };
  }
  return Math.min(n, max);
}

function notFound(kind: string, key: string): MaasErrorInput {
  return {
    status: 404,
    type: 'notFoundError',
    message: 'Object does not exist',
    details: `Object "${kind}" with key "${key}" does not exist`,
  };
}

/** `entityId` and `uri` filters (reference §5.1): any unknown entityId is 404; unknown uris are skipped. */
function filterEntities(t: SimTenant, q: URLSearchParams): readonly SimEntity[] | MaasErrorInput {
  const ids = q.getAll('entityId');
  const uris = q.getAll('uri');
  if (ids.length > 0 && uris.length > 0) {
    return {
      status: 400,
      type: 'badRequest',
      message: 'Validation error',
      details: 'Cannot combine entityId and uri',
    };
  }
  if (ids.length > MAX_FILTERS || uris.length > MAX_FILTERS) {
    return {
      status: 400,
      type: 'badRequest',
      message: 'Validation error',
      details: `At most ${MAX_FILTERS} filters`,
    };
  }
  if (ids.length > 0) {
    const missing = ids.find((id) => !t.byId.has(id));
    if (missing !== undefined) return notFound('Entity', missing);
    const wanted = new Set(ids);
    return t.entities.filter((e) => wanted.has(e.id));
  }
  if (uris.length > 0) {
    const wanted = new Set(uris);
    const found = t.entities.filter((e) => e.uri !== null && wanted.has(e.uri));
    return found.length > 0 ? found : notFound('Entity', uris[0] ?? '');
  }
  return t.entities;
}

function listPage(
  core: SimCore,
  t: SimTenant,
  url: URL,
  view: string,
  toJson: (e: SimEntity) => string,
): Answer {
  const limit = parseLimit(url.searchParams.get('limit'), core.pageLimitMax);
  if (typeof limit !== 'number') return limit;
  const list = filterEntities(t, url.searchParams);
  if ('status' in list) return list;
  const marker = url.searchParams.get('marker');
  const omitNextMarker = core.faults.omitNextMarker;
  const filtered = list !== t.entities;
  const key = `${view}|${limit}|${marker}|${omitNextMarker}`;
  const cached = filtered ? undefined : t.pages.get(key);
  if (cached) return { status: 200, body: cached };
  const hrefPrefix = `${core.baseUrl}/v1.0/${t.account.tenantId}/${view}?limit=${limit}&marker=`;
  const body = Buffer.from(pageJson(list, { limit, marker, omitNextMarker, hrefPrefix }, toJson), 'utf8');
  if (!filtered) {
    // Arbitrary markers from a misbehaving client must not grow the cache without bound.
    if (t.pages.size >= MAX_CACHED_PAGES) t.pages.clear();
    t.pages.set(key, body);
  }
  return { status: 200, body };
}

function route(core: SimCore, t: SimTenant, method: string, rest: string[], url: URL): Answer {
  if (method !== 'GET') return { status: 405, type: 'methodNotAllowed', message: 'Method not allowed' };
  const [a, b, c] = rest;
  if (a === 'views' && b === 'overview' && c === undefined)
    return listPage(core, t, url, 'views/overview', overviewJson);
  if (a === 'entities' && b === undefined) return listPage(core, t, url, 'entities', entityJson);
  if (a === 'entities' && b !== undefined && c === undefined) {
    const e = t.byId.get(b);
    return e ? { status: 200, body: entityJson(e) } : notFound('Entity', b);
  }
  return {
    status: 404,
    type: 'notFoundError',
    message: 'Resource not found',
    details: `No route for /${rest.join('/')}`,
  };
}

/** Checks in the order the real stack applies them: Repose rate limit, auth, then the service. */
function answer(core: SimCore, req: IncomingMessage, tenantId: string, rest: string[], url: URL): Answer {
  const token = req.headers['x-auth-token'];
  const owner = typeof token === 'string' ? core.tokens.tenantOf(token, core.now()) : undefined;
  if (owner === undefined) {
    return {
      status: 401,
      type: 'unauthorizedError',
      message: 'Invalid authentication token. Please renew.',
      details: 'The X-Auth-Token is missing, expired or revoked',
    };
  }
  const t = core.tenants.get(tenantId);
  if (owner !== tenantId || !t) {
    return {
      status: 403,
      type: 'forbiddenError',
      message: 'Forbidden',
      details: `Token not valid for ${tenantId}`,
    };
  }
  const injected = core.faults.injectErrors.shift();
  if (injected) return { ...injected, type: injected.type ?? 'badRequest' };
  if (core.faults.serverErrors > 0) {
    core.faults.serverErrors--;
    return { status: 500, type: 'internalError', message: 'Internal error', details: 'Simulated failure' };
  }
  return route(core, t, req.method ?? 'GET', rest, url);
}

export function handleMaas(core: SimCore, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const [, , tenantId = '', ...rest] = url.pathname.split('/');
  const tenant = core.tenants.get(tenantId);
  const headers = rateHeaders(tenant);
  const rl = takeRateLimit(core.faults, 'monitoring');
  const now = Date.now();
  if (rl) {
    const extra = { ...headers, ...retryHeaders(rl, now) };
    if (rl.status === 413) sendJson(res, 413, overLimitBody(rl, now), extra);
    else {
      const message =
        rl.status === 429
          ? 'Rate limit has been reached. Please wait before trying again.'
          : 'Limit has been reached. Please wait before trying again.';
      sendMaasError(
        res,
        { status: rl.status, type: 'rateLimitReached', message, details: 'global' },
        now,
        extra,
      );
    }
    return;
  }
  const a = answer(core, req, tenantId, rest, url);
  if ('body' in a) sendJson(res, a.status, a.body, headers);
  else {
    const stringCode = a.stringCode ?? core.faults.stringErrorCodes;
    const extra = a.headers ? { ...headers, ...a.headers } : headers;
    sendMaasError(res, { ...a, stringCode }, now, extra);
  }
}
