import { createHash, randomBytes } from 'node:crypto';

/** Random secrets that are shown once and stored only as their SHA-256. */
export function newSecret(prefix: 'cmon' | 'sess' | 'csrf'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function newId(): string {
  return randomBytes(8).toString('hex');
}
