import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { CmonError, ERRORS } from '../server/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The bootstrap admin token: when set, every request that changes something must carry it as a
 * bearer token. Compared as digests so neither length nor content leaks through timing.
 */
export function adminTokenHook(token: string | undefined) {
  const expected = token ? digest(token) : undefined;
  return async (req: FastifyRequest): Promise<void> => {
    if (!expected || SAFE_METHODS.has(req.method) || !req.url.startsWith('/api/')) return;
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
      throw new CmonError(
        ERRORS.UNAUTHORIZED,
        'this server needs Authorization: Bearer <admin token> for changes',
      );
    }
  };
}
