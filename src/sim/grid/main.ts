/** Direct entry for the fake commands (`node main.js exec condor_q --dir D -- ...`), skipping the CLI router. */
import { runGridSim } from './cli.js';

process.exitCode = await runGridSim(process.argv.slice(2));
