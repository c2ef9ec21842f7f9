import { join } from 'node:path';
import { reseal, rotateKeyFile, settlePendingRotation } from '../auth/rotate.js';
import { loadSecretBox, parseKey, SecretBox, SecretKeyError } from '../auth/secrets.js';
import { ConfigError } from '../config/load.js';
import { SqliteStore } from '../store/sqlite/store.js';
import { parseCommandArgs, UsageError } from './args.js';
import { configFromArgs } from './serve.js';

const USAGE = `Usage: cmon secrets rotate [--new-key KEY] [--config FILE] [--data DIR]

Re-encrypts every stored credential with a new key. With the key file in the data dir
(the default) a new key file replaces it. With CMON_SECRET_KEY, give the new key
(32 bytes, hex or base64, e.g. from "openssl rand -base64 32") as --new-key, then set
CMON_SECRET_KEY to it before the next start. Stop "cmon serve" first.
`;

const OPTIONS = {
  config: { type: 'string' },
  data: { type: 'string' },
  'new-key': { type: 'string' },
} as const;

export async function runSecrets(argv: string[]): Promise<number> {
  let store: SqliteStore | undefined;
  try {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help || positionals[0] !== 'rotate') {
      process.stdout.write(USAGE);
      return values.help ? 0 : 2;
    }
    const config = configFromArgs({ config: values.config, data: values.data });
    store = new SqliteStore(join(config.dataDir, 'cmon.db'));
    await store.init();
    let count: number;
    if (config.secretKey) {
      if (!values['new-key']) throw new UsageError('CMON_SECRET_KEY is set: give the new key as --new-key');
      count = await reseal(
        store,
        new SecretBox(parseKey(config.secretKey)),
        new SecretBox(parseKey(values['new-key'])),
      );
      process.stdout.write(
        `re-encrypted ${count} credential(s); set CMON_SECRET_KEY to the new key before the next start\n`,
      );
    } else {
      await settlePendingRotation(config.dataDir, store);
      count = await rotateKeyFile(config.dataDir, store, loadSecretBox(config.dataDir));
      process.stdout.write(`re-encrypted ${count} credential(s) with a new key file in ${config.dataDir}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof SecretKeyError) {
      process.stderr.write(`cmon secrets: ${err.message}\n`);
      return 3;
    }
    throw err;
  } finally {
    await store?.close();
  }
}
