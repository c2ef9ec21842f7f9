/** What each fake command prints for the arguments it was given, faults included. */
import os from 'node:os';
import { cloudStatusA, cloudStatusAj, cloudStatusM, cloudStatusU } from './cloud-status-output.js';
import { condorQJson, condorStatusJson } from './condor-output.js';
import type { Fault, GridState, Tool } from './model.js';

export interface ToolOutput {
  stdout: string;
  stderr: string;
  code: number;
}

const SCHEDD_SINFUL = '<206.12.48.10:9618?addrs=206.12.48.10-9618&noUDP&sock=1744_0ba2_4>';
const GARBAGE = '\u0000\u0001<html><body>502 Bad Gateway</body></html>\n{"resources": [{"name": \n';

function failure(tool: Tool, state: GridState): ToolOutput {
  switch (tool) {
    case 'condor_status':
      return {
        stdout: '',
        stderr: `Error: communication error\nCEDAR:6001:Failed to connect to ${SCHEDD_SINFUL}\n`,
        code: 1,
      };
    case 'condor_q':
      return {
        stdout: '',
        stderr: `\n-- Failed to fetch ads from: ${SCHEDD_SINFUL} : ${state.schedd}\nCEDAR:6001:Failed to connect to ${SCHEDD_SINFUL}\n`,
        code: 1,
      };
    case 'cloud_status':
      // The real client prints this on stdout, not stderr.
      return {
        stdout: `/usr/local/bin/cloud_status: couldn't connect to cloud scheduler at ${state.schedd} on port 8111.\nIs the cloud scheduler running on port 8111?\n`,
        stderr: '',
        code: 1,
      };
  }
}

function faulted(fault: Fault, tool: Tool, state: GridState): ToolOutput {
  if (fault === 'fail') return failure(tool, state);
  if (fault === 'empty') return { stdout: '', stderr: '', code: 0 };
  return { stdout: GARBAGE, stderr: '', code: 0 };
}

function usage(tool: Tool, why: string): ToolOutput {
  return {
    stdout: '',
    stderr: `${tool}: ${why} (the simulator only speaks what cmon collect uses)\n`,
    code: 1,
  };
}

/** `-attributes A,B` (also `-attr`); HTCondor accepts any unambiguous prefix of an option. */
function condorArgs(args: string[]): {
  json: boolean;
  allusers: boolean;
  attributes?: string[];
  bad?: string;
} {
  const out: { json: boolean; allusers: boolean; attributes?: string[]; bad?: string } = {
    json: false,
    allusers: false,
  };
  for (let i = 0; i < args.length; i++) {
    const a = (args[i] ?? '').replace(/^--?/, '-').toLowerCase();
    if (a === '-json') out.json = true;
    else if (a === '-allusers') out.allusers = true;
    else if (a.startsWith('-attr')) {
      const list = args[++i];
      if (list === undefined) return { ...out, bad: '-attributes needs a list' };
      out.attributes = list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    } else return { ...out, bad: `unsupported option ${args[i]}` };
  }
  return out;
}

function poolTable(state: GridState): string {
  const head = `${'NAME'.padEnd(15)}  ${'CLOUD TYPE'.padEnd(10)} ${'NETWORK ADDRESS'.padEnd(30)} ${'ENABLED'.padEnd(10)} `;
  const rows = state.clouds.map(
    (c) =>
      `${c.name.padEnd(15)}  ${c.type.padEnd(10)} ${c.address.padEnd(30)} ${(c.enabled ? 'True' : 'False').padEnd(10)}`,
  );
  return `Resource pool Resources:\n${head}\n${rows.join('\n')}\n\n`;
}

function cloudStatus(state: GridState, args: string[]): ToolOutput {
  const flags = new Set<string>();
  for (const a of args) {
    if (!/^-[a-z]+$/.test(a)) return usage('cloud_status', `unsupported argument ${a}`);
    for (const ch of a.slice(1)) flags.add(ch);
  }
  const ok = (stdout: string): ToolOutput => ({ stdout, stderr: '', code: 0 });
  if (flags.has('v')) return ok('Cloud Scheduler version: 1.13.2\nCloud Status version: 1.13.2\n');
  if (flags.has('m')) return ok(cloudStatusM(state));
  if (flags.has('u')) return ok(cloudStatusU(state));
  if (flags.has('o')) return ok(`${state.vms.length}\n`);
  if (flags.has('a')) return ok(flags.has('j') ? cloudStatusAj(state) : cloudStatusA(state));
  return ok(poolTable(state));
}

export function execTool(state: GridState, tool: Tool, args: string[]): ToolOutput {
  const fault = state.faults[tool];
  if (fault) return faulted(fault, tool, state);
  if (tool === 'cloud_status') return cloudStatus(state, args);
  const opts = condorArgs(args);
  if (opts.bad) return usage(tool, opts.bad);
  if (!opts.json) return usage(tool, 'only -json output is simulated');
  if (tool === 'condor_status')
    return { stdout: condorStatusJson(state, opts.attributes), stderr: '', code: 0 };
  const owner = opts.allusers ? undefined : os.userInfo().username;
  return { stdout: condorQJson(state, opts.attributes, owner), stderr: '', code: 0 };
}
