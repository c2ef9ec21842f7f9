import type { GridVm } from '../gridTypes.js';
import { cloudPath, vmPath } from '../gridView.js';
import { SortHeader, type SortSpec } from './SortHeader.js';

export interface VmTableProps {
  grid: string;
  vms: readonly GridVm[];
  sort?: SortSpec | undefined;
  /** Show the cloud column (off on a cloud's own page). */
  showCloud?: boolean;
}

/** VMs, one row each (`data-vm-id`), the hostname linking to the VM page. */
export function VmTable({ grid, vms, sort, showCloud }: VmTableProps) {
  return (
    <div class="table-scroll">
      <table class="table grid-table vm-table">
        <thead>
          <tr>
            <SortHeader label="Hostname" field="hostname" sort={sort} />
            <SortHeader label="State" field="state" sort={sort} />
            <SortHeader label="VM type" field="vmtype" sort={sort} />
            <SortHeader label="User" field="user" sort={sort} />
            <SortHeader label="ID" field="id" sort={sort} />
            {showCloud && <SortHeader label="Cloud" field="cloud" sort={sort} />}
          </tr>
        </thead>
        <tbody>
          {vms.map((vm) => (
            <tr key={vm.id} data-vm-id={vm.id}>
              <td>
                <a href={vmPath(grid, vm.id)}>{vm.hostname || vm.id}</a>
              </td>
              <td>
                <VmStateBadge state={vm.state} />
              </td>
              <td>{vm.vmtype}</td>
              <td>{vm.user}</td>
              <td class="mono">{vm.id}</td>
              {showCloud && (
                <td>
                  <a href={cloudPath(grid, vm.cloud)}>{vm.cloud}</a>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A VM state as a coloured badge (error red, running green, the rest neutral). */
export function VmStateBadge({ state }: { state: string }) {
  return (
    <span class={`badge vm-state vm-state-${/^[a-z_]+$/.test(state) ? state : 'other'}`} data-state={state}>
      {state}
    </span>
  );
}
