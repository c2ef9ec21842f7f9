import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE_NAME, loadSecretBox, parseKey, SecretBox, SecretKeyError } from './secrets.js';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips and never shows the plaintext', () => {
    const sealed = box.seal('hunter2-api-key', 'source:1');
    expect(sealed).not.toContain('hunter2');
    expect(box.open(sealed, 'source:1')).toBe('hunter2-api-key');
    expect(box.seal('x')).not.toBe(box.seal('x'));
  });

  it('refuses a tampered box, another key or another context', () => {
    const sealed = box.seal('secret', 'a');
    expect(() => box.open(sealed, 'b')).toThrow(SecretKeyError);
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'a')).toThrow(/wrong secret key/);
    const parts = sealed.split(':');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join(':'), 'a')).toThrow(SecretKeyError);
  });

  it('parses hex and base64 keys and rejects short ones', () => {
    const raw = randomBytes(32);
    expect(parseKey(raw.toString('hex')).equals(raw)).toBe(true);
    expect(parseKey(raw.toString('base64')).equals(raw)).toBe(true);
    expect(() => parseKey('abcd')).toThrow(/32 bytes/);
  });

  it('creates the key file with mode 0600 and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmon-key-'));
    const first = loadSecretBox(dir);
    const file = join(dir, KEY_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const sealed = first.seal('s');
    expect(loadSecretBox(dir).open(sealed)).toBe('s');
    expect(readFileSync(file, 'utf8').trim()).toHaveLength(44);
  });
});
