/** Fake Identity v2.0: POST /v2.0/tokens with API key or password credentials (reference §1, §8). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimCore } from './core.js';
import { overLimitBody, retryHeaders, takeRateLimit } from './faults.js';
import { isRecord, parseJson, readBody, sendJson } from './http-util.js';
import type { SimTenant } from './types.js';

export const BAD_CREDENTIALS = 'Unable to authenticate user with credentials provided.';
export const BAD_BODY =
  'Invalid request body: unable to parse Auth data. Please review XML or JSON formatting';

/** Both observed formats: `…637Z`, and a numeric offset like libcloud's `…000-06:00`. */
export function formatExpires(ms: number, withOffset: boolean): string {
  if (!withOffset) return new Date(ms).toISOString();
  return new Date(ms - 6 * 3600_000).toISOString().replace('Z', '-06:00');
}

interface Creds {
  username: string;
  secret: string;
  kind: 'APIKEY' | 'PASSWORD';
}

function readCreds(body: unknown): Creds | undefined {
  const auth = isRecord(body) ? body.auth : undefined;
  if (!isRecord(auth)) return undefined;
  const key = auth['RAX-KSKEY:apiKeyCredentials'];
  if (isRecord(key) && typeof key.username === 'string' && typeof key.apiKey === 'string') {
    return { username: key.username, secret: key.apiKey, kind: 'APIKEY' };
  }
  const pw = auth.passwordCredentials;
  if (isRecord(pw) && typeof pw.username === 'string' && typeof pw.password === 'string') {
    return { username: pw.username, secret: pw.password, kind: 'PASSWORD' };
  }
  return undefined;
}

function accessBody(core: SimCore, t: SimTenant, kind: Creds['kind']): unknown {
  const { tenantId, username } = t.account;
  const token = core.tokens.issue(tenantId, core.now(), core.faults.reuseTokenIds);
  return {
    access: {
      token: {
        id: token.id,
        expires: formatExpires(token.expiresAt, Number(tenantId) % 2 === 1),
        tenant: { id: tenantId, name: tenantId },
        'RAX-AUTH:authenticatedBy': [kind],
      },
      serviceCatalog: [
        {
          name: 'cloudServersOpenStack',
          type: 'compute',
          endpoints: [
            {
              region: 'DFW',
              tenantId,
              publicURL: `https://dfw.servers.api.rackspacecloud.com/v2/${tenantId}`,
            },
          ],
        },
        // The real monitoring entry has no region: clients must not require one.
        {
          name: 'cloudMonitoring',
          type: 'rax:monitor',
          endpoints: [{ tenantId, publicURL: `${core.baseUrl}/v1.0/${tenantId}` }],
        },
      ],
      user: {
        id: String(Number(tenantId) + 7),
        name: username,
        roles: [{ id: '3', name: 'identity:user-admin', description: 'User Admin Role.' }],
        'RAX-AUTH:defaultRegion': 'DFW',
        'RAX-AUTH:domainId': tenantId,
      },
    },
  };
}

async function postTokens(core: SimCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const rl = takeRateLimit(core.faults, 'identity');
  if (rl) {
    sendJson(res, 413, overLimitBody(rl, Date.now()), retryHeaders(rl, Date.now()));
    return;
  }
  const creds = readCreds(parseJson(await readBody(req)));
  if (!creds) {
    sendJson(res, 400, { badRequest: { code: 400, message: BAD_BODY } });
    return;
  }
  const t = core.byUsername.get(creds.username);
  const expected = creds.kind === 'APIKEY' ? t?.account.apiKey : t?.account.password;
  if (!t || expected !== creds.secret || core.faults.badCredentials.has(creds.username)) {
    sendJson(res, 401, { unauthorized: { code: 401, message: BAD_CREDENTIALS } });
    return;
  }
  sendJson(res, 200, accessBody(core, t, creds.kind));
}

export async function handleIdentity(
  core: SimCore,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  if (path === '/v2.0/tokens' && req.method === 'POST') return postTokens(core, req, res);
  if (path === '/v2.0' || path === '/v2.0/' || path === '/v2.0/tokens') {
    sendJson(res, 405, { methodNotAllowed: { code: 405 } });
    return;
  }
  sendJson(res, 404, { itemNotFound: { code: 404, message: 'Resource not found' } });
}
