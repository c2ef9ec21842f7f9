/**
 * Readers for Cloud Scheduler 1.x `cloud_status`: `-aj` JSON (preferred, as C'mon did), and the text
 * of `-a` (clouds) + `-m` (VMs) when JSON is not available.
 */
import type { GridCloud, GridVm } from '../sources/grid/snapshot.js';
import { CommandError, oneLine } from './errors.js';

export const CLOUD_STATUS_JSON_ARGS = ['-a', '-j'];
export const CLOUD_STATUS_CLOUDS_ARGS = ['-a'];
export const CLOUD_STATUS_VMS_ARGS = ['-m'];

export interface CloudStatus {
  clouds: GridCloud[];
  vms: GridVm[];
  skipped: string[];
}

/**
 * cloud_status prints its connection failure on **stdout** and exits 1 (also "Unexpected error: ..."
 * for other exceptions); the message is what an operator needs to see.
 */
export function cloudStatusDown(output: string): string | undefined {
  const line = output
    .split('\n')
    .find((l) => /couldn't connect to cloud scheduler|^Unexpected error:/.test(l.trim()));
  return line === undefined ? undefined : oneLine(line);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const maybeText = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Hostname, else the IP address (as `-m` prints), without the `:port` `-m` adds for ssh_port != 22. */
function vmHost(vm: Record<string, unknown>): string {
  return text(vm.hostname) || text(vm.ipaddress);
}

export function parseCloudStatusJson(stdout: string, command = 'cloud_status -a -j'): CloudStatus {
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    throw new CommandError(command, `${command}: output is not JSON; it began "${oneLine(stdout, 60)}"`);
  }
  if (!isRecord(doc) || !Array.isArray(doc.resources))
    throw new CommandError(command, `${command}: expected {"resources": [...]}`);
  const clouds: GridCloud[] = [];
  const vms: GridVm[] = [];
  const skipped: string[] = [];
  for (const [i, r] of doc.resources.entries()) {
    if (!isRecord(r) || typeof r.name !== 'string' || r.name === '') {
      skipped.push(`resource ${i} has no name`);
      continue;
    }
    const quota = r.max_slots;
    clouds.push({
      name: r.name,
      type: text(r.cloud_type),
      enabled: r.enabled === true,
      quota: typeof quota === 'number' && Number.isInteger(quota) && quota >= 0 ? quota : null,
    });
    for (const vm of Array.isArray(r.vms) ? r.vms : []) {
      if (!isRecord(vm) || typeof vm.id !== 'string' || vm.id === '') {
        skipped.push(`a VM of ${r.name} has no id`);
        continue;
      }
      vms.push({
        id: vm.id,
        hostname: vmHost(vm),
        vmtype: text(vm.vmtype),
        user: text(vm.user),
        status: text(vm.status) || 'Unknown',
        overrideStatus: maybeText(vm.override_status),
        cloud: r.name,
      });
    }
  }
  return { clouds, vms, skipped };
}

/**
 * `cloud_status -a`: one block per cloud (`Cluster: NAME `, a header, a value row). 1.12+ print
 * `<vms> / <max_slots>`; older versions print the *remaining* slots there, which is not a quota.
 */
export function parseCloudStatusClouds(stdout: string, command = 'cloud_status -a'): GridCloud[] {
  const lines = stdout.split('\n');
  if (!lines.some((l) => l.startsWith('Clusters in resource pool:') || l.startsWith('Cluster Info:')))
    throw new CommandError(command, `${command}: unexpected output "${oneLine(stdout, 60)}"`);
  const clouds: GridCloud[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^Cluster: (\S+)/.exec(lines[i] ?? '');
    if (!m?.[1]) continue;
    const row = (lines[i + 2] ?? '').trim().split(/\s+/);
    const slash = row.indexOf('/');
    const quota = slash > 0 ? Number(row[slash + 1]) : Number.NaN;
    clouds.push({
      name: m[1],
      type: row[1] ?? '',
      enabled: row[row.length - 1] === 'True',
      quota: Number.isInteger(quota) && quota >= 0 ? quota : null,
    });
  }
  return clouds;
}

/**
 * `cloud_status -m`: split on whitespace (ids and hostnames overflow the fixed widths; no field
 * holds a space). The STATUS column already is override-or-status, so it becomes `status`.
 */
export function parseCloudStatusVms(stdout: string, command = 'cloud_status -m'): CloudStatus {
  const lines = stdout.split('\n');
  const header = lines.findIndex((l) => /^ID\s+HOSTNAME\s+VMTYPE\s+USER\s+STATUS\s+CLUSTER/.test(l));
  if (header < 0) throw new CommandError(command, `${command}: no VM table in "${oneLine(stdout, 60)}"`);
  const vms: GridVm[] = [];
  const skipped: string[] = [];
  for (const line of lines.slice(header + 1)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('Total VMs:') || trimmed.startsWith('Retiring VMs from'))
      continue;
    if (/^ID\s+HOSTNAME/.test(trimmed)) continue;
    const f = trimmed.split(/\s+/);
    if (f.length !== 6) {
      skipped.push(`unreadable VM row "${oneLine(trimmed, 80)}"`);
      continue;
    }
    const [id, host, vmtype, user, status, cloud] = f as [string, string, string, string, string, string];
    vms.push({ id, hostname: host.replace(/:\d+$/, ''), vmtype, user, status, overrideStatus: null, cloud });
  }
  return { clouds: [], vms, skipped };
}

/** Text fallback: clouds from `-a`, VMs from `-m`; clouds seen only on VMs are added as unknown. */
export function mergeTextStatus(clouds: GridCloud[], vms: CloudStatus): CloudStatus {
  const all = [...clouds];
  const known = new Set(clouds.map((c) => c.name));
  for (const vm of vms.vms) {
    if (known.has(vm.cloud)) continue;
    known.add(vm.cloud);
    all.push({ name: vm.cloud, type: '', enabled: false, quota: null });
  }
  return { clouds: all, vms: vms.vms, skipped: vms.skipped };
}
