/** Running the grid commands (bounded in time and output) and reading the host's vital signs. */
import { type ExecFileException, execFile } from 'node:child_process';
import { readFile, statfs } from 'node:fs/promises';
import os from 'node:os';
import type { GridSysinfo } from '../sources/grid/snapshot.js';
import { CommandError, oneLine } from './errors.js';

export interface RunLimits {
  /** Default 120 s: condor_q on a 100,000-job schedd can take tens of seconds. */
  timeoutMs?: number;
  /** Default 512 MiB: 100,000 jobs with our attribute list are ~50 MB of JSON. */
  maxOutputBytes?: number;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  /** 0 unless the command exited non-zero (its stdout may still carry the reason: cloud_status). */
  code: number;
}

export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

/**
 * Runs `path args` without a shell. A non-zero exit resolves (callers decide, since cloud_status
 * reports "server down" that way); not found, timeout and too much output reject with a
 * CommandError whose message names the command.
 */
export function runCommand(path: string, args: string[], limits: RunLimits = {}): Promise<CommandOutput> {
  const timeout = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBuffer = limits.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const label = [path, ...args.slice(0, 2)].join(' ');
  return new Promise((resolve, reject) => {
    execFile(
      path,
      args,
      { timeout, maxBuffer, encoding: 'utf8', killSignal: 'SIGKILL', windowsHide: true },
      (err: ExecFileException | null, stdout: string, stderr: string) => {
        if (!err) return resolve({ stdout, stderr, code: 0 });
        if (err.code === 'ENOENT') return reject(new CommandError(path, `${path}: command not found`));
        if (err.code === 'EACCES') return reject(new CommandError(path, `${path}: permission denied`));
        if (err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
          return reject(new CommandError(path, `${label}: output larger than ${maxBuffer} bytes`));
        if (err.killed || err.signal)
          return reject(
            new CommandError(
              path,
              err.killed
                ? `${label}: timed out after ${timeout / 1000} s`
                : `${label}: killed by ${err.signal}`,
            ),
          );
        if (typeof err.code === 'number') return resolve({ stdout, stderr, code: err.code });
        reject(new CommandError(path, `${label}: ${oneLine(err.message)}`));
      },
    );
  });
}

/** The error text for a command that exited non-zero: its stderr (or stdout) first lines. */
export function exitMessage(label: string, out: CommandOutput): string {
  const said = oneLine(out.stderr) || oneLine(out.stdout) || 'no message';
  return `${label} exited ${out.code}: ${said}`;
}

/** Load, memory and swap from the kernel; disk of the filesystem holding `diskPath` (the spool). */
export async function readSysinfo(diskPath: string): Promise<GridSysinfo> {
  const [load1 = 0, load5 = 0, load15 = 0] = os.loadavg();
  const swap = await readSwap();
  let diskTotal = 0;
  let diskFree = 0;
  try {
    const fs = await statfs(diskPath);
    diskTotal = fs.blocks * fs.bsize;
    diskFree = fs.bavail * fs.bsize;
  } catch {
    // A missing spool dir is reported by the spool itself; sysinfo stays best effort.
  }
  return {
    load1,
    load5,
    load15,
    cpus: os.availableParallelism(),
    memTotal: os.totalmem(),
    memFree: os.freemem(),
    swapTotal: swap.total,
    swapFree: swap.free,
    diskTotal,
    diskFree,
  };
}

/** node:os has no swap figures; /proc/meminfo has them on Linux (0 elsewhere). */
async function readSwap(): Promise<{ total: number; free: number }> {
  try {
    const text = await readFile('/proc/meminfo', 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { total: kb('SwapTotal'), free: kb('SwapFree') };
  } catch {
    return { total: 0, free: 0 };
  }
}
