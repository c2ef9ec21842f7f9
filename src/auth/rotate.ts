import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/types.js';
import { KEY_FILE_NAME, parseKey, SecretBox, SecretKeyError } from './secrets.js';

const PENDING = `${KEY_FILE_NAME}.new`;

/** Re-seals every stored source secret from one key to another in one transaction. */
export async function reseal(store: Store, from: SecretBox, to: SecretBox): Promise<number> {
  const sources = await store.listSources();
  const updated = sources.map((s) => ({
    id: s.id,
    sealedSecret: to.seal(from.open(s.sealedSecret, s.id), s.id),
  }));
  await store.updateSealedSecrets(updated);
  return updated.length;
}

/**
 * Rotation with a key file: the new key is written beside the old one first, the database is
 * re-sealed, then the new key replaces the old. A crash in between leaves both files, and
 * `settlePendingRotation` keeps whichever one opens the stored secrets.
 */
export async function rotateKeyFile(dataDir: string, store: Store, current: SecretBox): Promise<number> {
  const next = randomBytes(32);
  const pending = join(dataDir, PENDING);
  writeFileSync(pending, `${next.toString('base64')}\n`, { mode: 0o600 });
  const count = await reseal(store, current, new SecretBox(next));
  renameSync(pending, join(dataDir, KEY_FILE_NAME));
  return count;
}

export async function settlePendingRotation(dataDir: string, store: Store): Promise<void> {
  const pending = join(dataDir, PENDING);
  if (!existsSync(pending)) return;
  const box = new SecretBox(parseKey(readFileSync(pending, 'utf8')));
  const [probe] = await store.listSources();
  let sealedWithNew = false;
  if (probe) {
    try {
      box.open(probe.sealedSecret, probe.id);
      sealedWithNew = true;
    } catch (err) {
      if (!(err instanceof SecretKeyError)) throw err;
    }
  }
  if (sealedWithNew) renameSync(pending, join(dataDir, KEY_FILE_NAME));
  else rmSync(pending);
}
