/** Programmatic API of the grid simulator for tests, the demo and benchmarks. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeWrappers } from './cli.js';
import type { Tool } from './model.js';
import { GridSim, type GridSimOptions } from './sim.js';

export { runGridSim, writeWrappers } from './cli.js';
export type { Fault, Tool } from './model.js';
export { GridSim, type GridSimOptions } from './sim.js';

export interface InitializedGrid {
  sim: GridSim;
  dir: string;
  /** Paths of the fake condor_status, condor_q and cloud_status. */
  bin: Record<Tool, string>;
}

/** `cmon sim grid init` as a function; `launcher` overrides how the wrappers start the simulator. */
export function initGrid(dir: string, opts: GridSimOptions = {}, launcher?: string[]): InitializedGrid {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  const sim = GridSim.create(opts);
  sim.save(abs);
  return { sim, dir: abs, bin: writeWrappers(abs, launcher) };
}

/** `cmon collect` arguments that read this simulated grid's fake commands and spool beside them. */
export function collectorArgs(
  g: { dir: string; bin: Record<Tool, string> },
  grid: string,
  transport: string[],
): string[] {
  return [
    '--grid',
    grid,
    ...transport,
    '--spool',
    join(g.dir, 'spool'),
    '--condor-status',
    g.bin.condor_status,
    '--condor-q',
    g.bin.condor_q,
    '--cloud-status',
    g.bin.cloud_status,
  ];
}
