import { runGridSim } from '../sim/grid/cli.js';
import { runRackspaceSim } from '../sim/rackspace/cli.js';

const USAGE = `Usage: cmon sim <simulator> [options]

Simulators:
  rackspace   Rackspace Identity v2.0 + Cloud Monitoring (run "cmon sim rackspace --help")
  grid        an evolving HTCondor + Cloud Scheduler grid (run "cmon sim grid --help")
`;

export async function runSim(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'rackspace') {
    await runRackspaceSim(rest);
    return 0;
  }
  if (name === 'grid') return runGridSim(rest);
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  process.stderr.write(`cmon sim: unknown simulator "${name}"\n\n${USAGE}`);
  return 2;
}
