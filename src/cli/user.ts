import { join } from 'node:path';
import { assertNotLastAdmin, createUser, setPassword } from '../auth/users.js';
import { ConfigError } from '../config/load.js';
import { CmonError } from '../server/errors.js';
import { ROLES, type Role } from '../store/auth-types.js';
import { SqliteStore } from '../store/sqlite/store.js';
import { parseCommandArgs, UsageError } from './args.js';
import { readPassword } from './prompt.js';
import { configFromArgs } from './serve.js';

const USAGE = `Usage: cmon user <add|passwd|remove|list> [NAME] [options]

  cmon user add NAME --role viewer|operator|admin
  cmon user passwd NAME        (signs the user out everywhere)
  cmon user remove NAME
  cmon user list

The password is asked on the terminal, or read from the first line of standard input
(never from an argument). Options: --config FILE, --data DIR (as for cmon serve).
`;

const OPTIONS = { config: { type: 'string' }, data: { type: 'string' }, role: { type: 'string' } } as const;

async function newPassword(): Promise<string> {
  const first = await readPassword('New password: ');
  if (process.stdin.isTTY && (await readPassword('Repeat it: ')) !== first)
    throw new UsageError('the passwords differ');
  return first;
}

export async function runUser(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCommandArgs<typeof OPTIONS>>;
  try {
    parsed = parseCommandArgs(argv, OPTIONS);
  } catch (err) {
    process.stderr.write(`cmon user: ${(err as Error).message}\n`);
    return 3;
  }
  const [action, name] = parsed.positionals;
  if (parsed.values.help || !action) {
    process.stdout.write(USAGE);
    return action || parsed.values.help ? 0 : 2;
  }
  let store: SqliteStore | undefined;
  try {
    const config = configFromArgs({ config: parsed.values.config, data: parsed.values.data });
    store = new SqliteStore(join(config.dataDir, 'cmon.db'));
    await store.init();
    const auth = store.auth;
    if (action === 'list') {
      for (const u of await auth.listUsers()) process.stdout.write(`${u.username}\t${u.role}\n`);
      return 0;
    }
    if (!name) throw new UsageError(`cmon user ${action} needs a NAME`);
    if (action === 'add') {
      const role = parsed.values.role as Role | undefined;
      if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      await createUser(auth, { username: name, password: await newPassword(), role }, Date.now);
      await auth.appendAudit({
        at: Date.now(),
        actor: 'cli',
        action: 'user.create',
        target: name,
        ip: null,
        details: { role },
      });
      process.stdout.write(`added ${name} (${role})\n`);
      return 0;
    }
    const user = await auth.getUserByName(name);
    if (!user) throw new UsageError(`no user named "${name}"`);
    if (action === 'passwd') {
      await setPassword(auth, user, await newPassword(), Date.now);
      await auth.appendAudit({
        at: Date.now(),
        actor: 'cli',
        action: 'user.password',
        target: name,
        ip: null,
        details: null,
      });
      process.stdout.write(`changed the password of ${name}; their sessions are signed out\n`);
      return 0;
    }
    if (action === 'remove') {
      await assertNotLastAdmin(auth, user, 'remove');
      await auth.deleteUser(user.id);
      await auth.appendAudit({
        at: Date.now(),
        actor: 'cli',
        action: 'user.delete',
        target: name,
        ip: null,
        details: null,
      });
      process.stdout.write(`removed ${name}\n`);
      return 0;
    }
    throw new UsageError(`unknown action "${action}"`);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof CmonError) {
      process.stderr.write(`cmon user: ${err.message}\n`);
      return err instanceof CmonError ? 1 : 3;
    }
    throw err;
  } finally {
    await store?.close();
  }
}
