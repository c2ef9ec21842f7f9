/** Cloud Scheduler 1.13.2 `cloud_status` output for the simulated grid (reference §2, samples). */
import { type GridState, type SimCloud, type SimVm, vmTypeOf } from './model.js';

/** Python 2 `json.JSONEncoder().encode`: `", "` and `": "` separators, key order as the sample's. */
function py(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(py).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${JSON.stringify(k)}: ${py(v)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

function vmJson(vm: SimVm, cloud: SimCloud, clock: number): Record<string, unknown> {
  const t = vmTypeOf(vm.vmtype);
  const up = vm.status === 'Running';
  return {
    status: vm.status,
    errorconnect: null,
    override_status: vm.retiring ? 'Retiring' : null,
    startup_time: up ? vm.readyAt - vm.created : null,
    cpucores: t.cpus,
    lastpoll: clock,
    ssh_port: 22,
    condormasteraddr: null,
    image: t.image,
    keep_alive: 1800,
    myproxy_creds_name: null,
    job_run_times: [],
    job_per_core: !t.partitionable,
    myproxy_server_port: null,
    vmtype: t.name,
    initialize_time: vm.created,
    proxy_file: null,
    user: t.user,
    myproxy_server: null,
    spot_id: '',
    x509userproxy_expiry_time: 'None',
    flavor: t.flavor,
    ipaddress: vm.status === 'Starting' ? '' : vm.ip,
    id: vm.id,
    network: 'private',
    condorname: up ? `${vm.hostname}.novalocal` : null,
    name: t.image,
    failed_retire: false,
    idle_start: null,
    last_state_change: vm.status === 'Starting' ? null : vm.since,
    hostname: vm.hostname,
    storage: 20,
    force_retire: vm.retiring,
    clusteraddr: cloud.address,
    alt_hostname: null,
    condoraddr: up ? `<${vm.ip}:40123?addrs=${vm.ip}-40123&noUDP&sock=3280_5a1c_3>` : null,
    memory: t.memory,
    uservmtype: `${t.user}:${t.name}`,
    clusterport: '',
    cloudtype: cloud.type,
    myproxy_renew_time: '12',
    errorcount: 0,
  };
}

function vmsByCloud(state: GridState): Map<string, SimVm[]> {
  const map = new Map<string, SimVm[]>(state.clouds.map((c) => [c.name, []]));
  for (const vm of state.vms) map.get(vm.cloud)?.push(vm);
  return map;
}

export function cloudStatusAj(state: GridState): string {
  const byCloud = vmsByCloud(state);
  const resources = state.clouds.map((c) => {
    const vms = byCloud.get(c.name) ?? [];
    const memUsed = vms.reduce((n, vm) => n + vmTypeOf(vm.vmtype).memory, 0);
    const r: Record<string, unknown> = {
      errorconnect: null,
      cloud_type: c.type,
      name: c.name,
      network_pools: [],
      vm_slots: Math.max(0, c.maxSlots - vms.length),
      max_mem: c.memoryMb,
      network_address: c.address,
      connection_fail_disable_time: 1800,
      cpu_cores: 8,
      max_vm_mem: -1,
      boot_timeout: 1800,
      max_slots: c.maxSlots,
      connection_problem: false,
      memory: Math.max(0, c.memoryMb - memUsed),
      storageGB: c.storageGb - vms.length * 20,
      max_storageGB: c.storageGb,
      vms: vms.map((vm) => vmJson(vm, c, state.clock)),
      enabled: c.enabled,
    };
    if (c.type === 'OpenStackNative') r.tenant = 'hep-prod';
    return r;
  });
  return `${py({ resources })}\n`;
}

const pad = (s: string, n: number) => s.padEnd(n);

/** `-m`: `%-6s %-25s %-20s %-10s %-12s %-15s` rows (values overflow the widths), then the total line. */
export function cloudStatusM(state: GridState): string {
  const header = [
    pad('ID', 6),
    pad('HOSTNAME', 25),
    pad('VMTYPE', 20),
    pad('USER', 10),
    pad('STATUS', 12),
    pad('CLUSTER', 23),
  ].join(' ');
  const rows = state.vms.map((vm) => {
    const t = vmTypeOf(vm.vmtype);
    const status = vm.retiring ? 'Retiring' : vm.status;
    return [
      pad(vm.id, 6),
      pad(vm.hostname, 25),
      pad(t.name, 20),
      pad(t.user, 10),
      pad(status, 12),
      pad(vm.cloud, 15),
    ].join(' ');
  });
  return `${[header, ...rows].join('\n')}\n\nTotal VMs: ${state.vms.length}. Total Clouds: ${state.clouds.length}\n`;
}

/** `-a`: one block per cloud, 1.13.2 header (`VMS/MAX`). Column spacing approximates the real one. */
export function cloudStatusA(state: GridState): string {
  const byCloud = vmsByCloud(state);
  const header =
    'ADDRESS                      CLOUD TYPE         VMS/MAX         MEMORY        STORAGE       PRIORITY     ENABLED   ';
  const blocks = state.clouds.map((c, i) => {
    const n = byCloud.get(c.name)?.length ?? 0;
    const row = `${pad(c.address.slice(0, 24), 27)}${pad(c.type, 17)}${String(n).padStart(5)} / ${pad(String(c.maxSlots), 8)}  ${pad(String(c.memoryMb), 14)}${pad(String(c.storageGb), 16)}${pad(String(i), 12)}${pad(c.enabled ? 'True' : 'False', 8)}`;
    return `Cluster: ${c.name} \n${header}\n${row}\n`;
  });
  return `Clusters in resource pool:\n${blocks.join('\n')}\n\n`;
}

/** `-u`: counts of override-or-status in Python 2 dict order, non-zero only, trailing comma. */
export function cloudStatusU(state: GridState): string {
  const order = ['ConnectionRefused', 'NoProxy', 'Retiring', 'ExpiredProxy', 'Running', 'Error', 'Starting'];
  const counts = new Map<string, number>();
  for (const vm of state.vms) {
    const s = vm.retiring ? 'Retiring' : vm.status;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return `${order
    .filter((s) => counts.get(s))
    .map((s) => `${counts.get(s)} ${s},`)
    .join('')}\n`;
}
