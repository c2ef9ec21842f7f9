import { runDemo } from './demo.js';
import { runServe } from './serve.js';
import { runSim } from './sim.js';

export const USAGE = `cmon — C'mon: monitor your clouds

Usage: cmon <command> [options]

Commands:
  serve            run the server (API, live wallboard, pollers)
  demo             run the server with simulated cloud accounts feeding it
  sim rackspace    run the Rackspace Identity + Cloud Monitoring simulator alone

Run "cmon <command> --help" for a command's options.
`;

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = { serve: runServe, demo: runDemo, sim: runSim };

/** Returns the process exit code; long-running commands resolve when they stop. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`cmon: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  return command(rest);
}
