/** `cmon sim grid init|step|exec|fault|truth`: the simulated grid and its fake commands. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../util/package-root.js';
import { execTool } from './exec.js';
import { FAULTS, type Fault, TOOLS, type Tool } from './model.js';
import { GridSim } from './sim.js';

export const USAGE = `Usage: cmon sim grid <command> --dir DIR [options]

Commands:
  init   --dir D [--seed S] [--vms N] [--jobs N] [--clouds N]
         create a simulated grid in D and fake commands in D/bin (condor_status, condor_q, cloud_status)
  step   --dir D [--seconds 60] [--times 1]      advance the simulation
  exec   condor_status|condor_q|cloud_status --dir D -- <args>
         print exactly what the real command would (what the D/bin wrappers run)
  fault  --dir D TOOL=fail|empty|garbage|none ...  make a fake command fail, print nothing or garbage
  truth  --dir D [--grid NAME]                    print the summary a correct collector must produce
`;

function int(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The command prefix the wrappers run; tests point it at a freshly compiled copy of this file. */
export function defaultLauncher(): string[] {
  return [process.execPath, join(packageRoot(), 'bin', 'cmon.js'), 'sim', 'grid'];
}

/** Writes D/bin/<tool> scripts that run `<launcher> exec <tool> --dir D -- "$@"`. */
export function writeWrappers(dir: string, launcher: string[] = defaultLauncher()): Record<Tool, string> {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const paths = {} as Record<Tool, string>;
  for (const tool of TOOLS) {
    const path = join(bin, tool);
    const cmd = [...launcher, 'exec', tool, '--dir', dir, '--'].map(shellQuote).join(' ');
    writeFileSync(path, `#!/bin/sh\nexec ${cmd} "$@"\n`);
    chmodSync(path, 0o755);
    paths[tool] = path;
  }
  return paths;
}

function parseFault(spec: string): [Tool, Fault | undefined] {
  const [tool, fault] = spec.split('=') as [string, string | undefined];
  if (!(TOOLS as readonly string[]).includes(tool)) throw new Error(`fault: unknown command "${tool}"`);
  if (fault === 'none') return [tool as Tool, undefined];
  if (!fault || !(FAULTS as readonly string[]).includes(fault))
    throw new Error(`fault: expected ${tool}=fail|empty|garbage|none, got "${spec}"`);
  return [tool as Tool, fault as Fault];
}

async function writeOut(text: string, stream: NodeJS.WriteStream): Promise<void> {
  if (!text) return;
  await new Promise<void>((done, fail) => stream.write(text, (err) => (err ? fail(err) : done())));
}

export async function runGridSim(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  try {
    if (command === 'exec') {
      const [tool, ...more] = rest;
      if (!(TOOLS as readonly string[]).includes(tool ?? ''))
        throw new Error(`exec: unknown command "${tool}"`);
      const dash = more.indexOf('--');
      const own = dash < 0 ? more : more.slice(0, dash);
      const realArgs = dash < 0 ? [] : more.slice(dash + 1);
      const { values } = parseArgs({ args: own, options: { dir: { type: 'string' } }, strict: true });
      if (!values.dir) throw new Error('exec: --dir is required');
      const out = execTool(GridSim.load(values.dir).state, tool as Tool, realArgs);
      await writeOut(out.stdout, process.stdout);
      await writeOut(out.stderr, process.stderr);
      return out.code;
    }
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        dir: { type: 'string' },
        seed: { type: 'string' },
        vms: { type: 'string' },
        jobs: { type: 'string' },
        clouds: { type: 'string' },
        seconds: { type: 'string' },
        times: { type: 'string' },
        grid: { type: 'string' },
      },
    });
    if (!values.dir) throw new Error(`${command}: --dir is required`);
    const dir = resolve(values.dir);
    if (command === 'init') {
      mkdirSync(dir, { recursive: true });
      const sim = GridSim.create({
        seed: int('seed', values.seed, 42, 0),
        vms: int('vms', values.vms, 50, 0),
        jobs: int('jobs', values.jobs, 500, 0),
        clouds: int('clouds', values.clouds, 3, 1),
      });
      sim.save(dir);
      const paths = writeWrappers(dir);
      process.stdout.write(`${JSON.stringify({ dir, bin: join(dir, 'bin'), ...paths })}\n`);
      return 0;
    }
    const sim = GridSim.load(dir);
    if (command === 'step') {
      const times = int('times', values.times, 1, 1);
      for (let i = 0; i < times; i++) sim.step(int('seconds', values.seconds, 60, 1));
      sim.save(dir);
      process.stdout.write(
        `${JSON.stringify({ clock: sim.state.clock, vms: sim.state.vms.length, jobs: sim.state.jobs.length })}\n`,
      );
      return 0;
    }
    if (command === 'fault') {
      if (!positionals.length) throw new Error('fault: give TOOL=fail|empty|garbage|none');
      for (const spec of positionals) {
        const [tool, fault] = parseFault(spec);
        if (fault) sim.state.faults[tool] = fault;
        else delete sim.state.faults[tool];
      }
      sim.save(dir);
      process.stdout.write(`${JSON.stringify(sim.state.faults)}\n`);
      return 0;
    }
    if (command === 'truth') {
      process.stdout.write(`${JSON.stringify(sim.truth(values.grid ?? 'sim'))}\n`);
      return 0;
    }
    throw new Error(`unknown command "${command}"`);
  } catch (err) {
    process.stderr.write(`cmon sim grid: ${(err as Error).message}\n`);
    return 2;
  }
}
