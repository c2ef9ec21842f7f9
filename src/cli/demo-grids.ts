import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCollect } from '../collector/cli.js';
import { collectorArgs, GridSim, initGrid } from '../sim/grid/index.js';

export interface DemoGrid {
  name: string;
  dir: string;
  bin: Record<'condor_status' | 'condor_q' | 'cloud_status', string>;
}

const DEMO_GRIDS = [
  { name: 'atlas-grid', seed: 7, vms: 60, jobs: 900, clouds: 3 },
  { name: 'belle-grid', seed: 11, vms: 35, jobs: 400, clouds: 2 },
];

export function createDemoGrids(): DemoGrid[] {
  return DEMO_GRIDS.map((g) => {
    const dir = mkdtempSync(join(tmpdir(), `cmon-demo-${g.name}-`));
    const { bin } = initGrid(dir, {
      seed: g.seed,
      vms: g.vms,
      jobs: g.jobs,
      clouds: g.clouds,
      clock: Math.floor(Date.now() / 1000),
    });
    return { name: g.name, dir, bin };
  });
}

/**
 * One cron tick for a demo grid: the simulated grid moves on, then the real collector reads its
 * fake commands and posts the snapshot to cmon over HTTP with an ingest token, as on a real host.
 */
export async function collectDemoGrid(
  g: DemoGrid,
  server: string,
  token: string,
  seconds: number,
): Promise<number> {
  const sim = GridSim.load(g.dir);
  sim.step(seconds);
  sim.save(g.dir);
  const quiet = () => undefined;
  return runCollect(collectorArgs(g, g.name, ['--server', server, '--token', token]), {
    stdout: quiet,
    stderr: quiet,
  });
}
