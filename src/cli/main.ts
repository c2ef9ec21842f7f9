export const USAGE = `cmon — C'mon: monitor your clouds

Usage: cmon <command> [options]

Commands:
  serve            run the server (API, live wallboard, pollers)
  demo             run the server with simulated cloud accounts feeding it
  collect          on a grid's scheduler host: read HTCondor and Cloud Scheduler, send a snapshot
  sim rackspace    run the Rackspace Identity + Cloud Monitoring simulator alone
  sim grid         a simulated grid with fake condor_status, condor_q and cloud_status
  user             add, list, remove users and set passwords (add NAME --role ROLE)
  secrets rotate   re-encrypt stored credentials with a new key

Run "cmon <command> --help" for a command's options.
`;

type Command = (argv: string[]) => Promise<number>;

// Loaded on demand: `cmon --help` and `cmon sim` need not load the server.
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.js')).runServe,
  demo: async () => (await import('./demo.js')).runDemo,
  sim: async () => (await import('./sim.js')).runSim,
  collect: async () => (await import('../collector/cli.js')).runCollect,
  user: async () => (await import('./user.js')).runUser,
  secrets: async () => (await import('./secrets.js')).runSecrets,
};

/** Returns the process exit code; long-running commands resolve when they stop. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`cmon: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  return (await load())(rest);
}
