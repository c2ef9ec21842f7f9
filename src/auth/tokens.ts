import type { AuthStore, TokenRecord } from '../store/auth-types.js';
import { newId, newSecret, sha256 } from './secret-tokens.js';

/** Creates an API token: its secret is returned this once, the store keeps only its hash. */
export async function issueToken(
  store: AuthStore,
  input: { name: string; scopes: string[]; createdBy: string },
  now: () => number,
): Promise<{ token: TokenRecord; secret: string }> {
  const secret = newSecret('cmon');
  const token: TokenRecord = {
    id: newId(),
    name: input.name,
    scopes: input.scopes,
    secretHash: sha256(secret),
    createdAt: now(),
    lastUsedAt: null,
    createdBy: input.createdBy,
  };
  await store.createToken(token);
  return { token, secret };
}
