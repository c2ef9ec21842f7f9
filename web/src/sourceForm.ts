import type { NewSource } from './types.js';

export const DEFAULT_IDENTITY_URL = 'https://identity.api.rackspacecloud.com/v2.0';
export const DEFAULT_POLL_INTERVAL_SEC = 60;

export interface SourceFormValues {
  name: string;
  username: string;
  authMethod: 'apiKey' | 'password';
  secret: string;
  identityUrl: string;
  pollIntervalSec: string;
}

export const EMPTY_FORM: SourceFormValues = {
  name: '',
  username: '',
  authMethod: 'apiKey',
  secret: '',
  identityUrl: '',
  pollIntervalSec: String(DEFAULT_POLL_INTERVAL_SEC),
};

/**
 * Pure: the create/test request body. Blank optional fields are left out so the server applies
 * its defaults; anything else goes through untouched so the server's validation message is the one shown.
 */
export function toNewSource(v: SourceFormValues): NewSource {
  const config: NewSource['config'] = { username: v.username.trim() };
  if (v.authMethod === 'password') config.password = v.secret;
  else config.apiKey = v.secret;
  const identityUrl = v.identityUrl.trim();
  if (identityUrl !== '') config.identityUrl = identityUrl;
  const poll = v.pollIntervalSec.trim();
  if (poll !== '') {
    const n = Number(poll);
    (config as Record<string, unknown>).pollIntervalSec = Number.isFinite(n) ? n : poll;
  }
  return { type: 'rackspace', name: v.name.trim(), config };
}
