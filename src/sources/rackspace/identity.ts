/** Rackspace Identity v2.0: POST /tokens, then find the Cloud Monitoring endpoint in the catalog. */
import { describeErrorBody, plainText, RackspaceError, txnIdOf } from './errors.js';
import type { Transport } from './transport.js';

export const DEFAULT_IDENTITY_URL = 'https://identity.api.rackspacecloud.com/v2.0';
export const IDENTITY_SERVICE = 'Rackspace Identity';

export interface RackspaceCredentials {
  username: string;
  apiKey?: string;
  password?: string;
  identityUrl?: string;
}

export interface IdentityToken {
  id: string;
  /** Epoch ms. */
  expiresAt: number;
  tenantId: string | null;
  /** `publicURL` of the monitoring endpoint, without a trailing slash. */
  monitoringUrl: string;
}

/** When `expires` is unreadable we still have a token; re-check within the hour and rely on 401 re-auth. */
const FALLBACK_TTL_MS = 60 * 60 * 1000;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

export function tokensUrl(identityUrl: string = DEFAULT_IDENTITY_URL): string {
  return `${identityUrl.replace(/\/+$/, '')}/tokens`;
}

export function authRequestBody(creds: RackspaceCredentials): string {
  if (creds.apiKey) {
    return JSON.stringify({
      auth: { 'RAX-KSKEY:apiKeyCredentials': { username: creds.username, apiKey: creds.apiKey } },
    });
  }
  if (creds.password) {
    return JSON.stringify({
      auth: { passwordCredentials: { username: creds.username, password: creds.password } },
    });
  }
  throw new RackspaceError('auth', `No API key or password configured for user ${creds.username}`);
}

/** Accepts `2015-06-05T16:24:57.637Z` and `2011-12-12T21:01:03.000-06:00` (reference §1.3). */
export function parseExpires(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_8601.test(value.trim())) return undefined;
  const ms = Date.parse(value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : ms;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** By type `rax:monitor` or name `cloudMonitoring`, first endpoint: the real entry has no region (§1.3). */
export function pickMonitoringEndpoint(catalog: unknown): string | undefined {
  if (!Array.isArray(catalog)) return undefined;
  const entry =
    catalog.find((s) => isRecord(s) && s.type === 'rax:monitor') ??
    catalog.find((s) => isRecord(s) && s.name === 'cloudMonitoring');
  if (!isRecord(entry) || !Array.isArray(entry.endpoints)) return undefined;
  for (const ep of entry.endpoints) {
    if (isRecord(ep) && typeof ep.publicURL === 'string' && ep.publicURL !== '')
      return ep.publicURL.replace(/\/+$/, '');
  }
  return undefined;
}

function invalid(what: string): RackspaceError {
  return new RackspaceError('protocol', `Invalid response from ${IDENTITY_SERVICE}: ${what}`);
}

export function parseAccess(body: unknown, now: number): IdentityToken {
  const access = isRecord(body) ? body.access : undefined;
  if (!isRecord(access)) throw invalid('no "access" object');
  const token = access.token;
  if (!isRecord(token) || typeof token.id !== 'string' || token.id === '') throw invalid('no token id');
  const monitoringUrl = pickMonitoringEndpoint(access.serviceCatalog);
  if (!monitoringUrl) {
    throw new RackspaceError(
      'auth',
      'No Cloud Monitoring endpoint (rax:monitor) in the service catalog of this user',
    );
  }
  const tenant = isRecord(token.tenant) && typeof token.tenant.id === 'string' ? token.tenant.id : null;
  return {
    id: token.id,
    expiresAt: parseExpires(token.expires) ?? now + FALLBACK_TTL_MS,
    tenantId: tenant,
    monitoringUrl,
  };
}

function identityError(status: number, body: unknown, text: string, headers: Headers): RackspaceError {
  const txnId = txnIdOf(body, headers);
  const extra = txnId === undefined ? { status } : { status, txnId };
  if (status === 401 && /OS-MF/i.test(headers.get('www-authenticate') ?? '')) {
    const msg =
      'Authentication failed: this user requires multi-factor authentication; use an API key (HTTP 401)';
    return new RackspaceError('auth', msg, extra);
  }
  const what = describeErrorBody(body) ?? plainText(text) ?? 'no reason given';
  const kind = status === 401 || status === 403 ? 'auth' : status >= 500 ? 'server' : 'client';
  return new RackspaceError(kind, `Authentication failed: ${what} (HTTP ${status})`, extra);
}

export async function requestToken(
  transport: Transport,
  creds: RackspaceCredentials,
  now: () => number,
  signal?: AbortSignal,
): Promise<IdentityToken> {
  const res = await transport.send(
    {
      method: 'POST',
      url: tokensUrl(creds.identityUrl),
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: authRequestBody(creds),
      service: IDENTITY_SERVICE,
    },
    signal,
  );
  // 203 (non-authoritative) is a success in OpenStack Identity; gophercloud accepts both.
  if (res.status === 200 || res.status === 203) return parseAccess(res.body, now());
  if (res.status < 300) throw invalid(`unexpected HTTP ${res.status}`);
  throw identityError(res.status, res.body, res.text, res.headers);
}
