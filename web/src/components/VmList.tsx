import type { GridVm } from '../gridTypes.js';
import { gridPath, listApiPath, listKeys, readList } from '../gridView.js';
import { useOnNewSnapshot } from '../useGridSummary.js';
import { usePagedList } from '../usePagedList.js';
import { ListPanel } from './ListPanel.js';
import { VmTable } from './VmTable.js';

export const LIST_LIMIT = 100;
const KEYS = listKeys('vm', 'state');

export interface VmListProps {
  grid: string;
  cloud: string;
  /** The URL's query string: sort, filters and page live there. */
  search: string;
  /** States to offer in the select (those the summary has seen). */
  states: readonly string[];
  /** The grid's snapshot time: a newer snapshot refetches the page. */
  collectedAt: number;
}

/** A cloud's VMs: sortable, filterable and paged through the URL (`vm_sort`, `vm_state`, `vm_q`, `vm_page`). */
export function VmList({ grid, cloud, search, states, collectedAt }: VmListProps) {
  const state = readList(new URLSearchParams(search), KEYS);
  const path = listApiPath(`${gridPath(grid)}/vms`, { cloud }, state, 'state', LIST_LIMIT);
  const { data, error, reload } = usePagedList<GridVm>(path);
  useOnNewSnapshot(collectedAt, reload);
  return (
    <ListPanel
      id="vm"
      title="VMs"
      keys={KEYS}
      state={state}
      limit={LIST_LIMIT}
      filter={{
        label: 'State',
        options: states,
        placeholder: 'Hostname, ID or user…',
        searchLabel: 'Filter VMs by hostname, ID or user',
      }}
      data={data}
      error={error}
      empty={{ filtered: 'No VM matches the filter.', none: 'No VMs on this cloud.' }}
      noun="VMs"
    >
      {(vms) => <VmTable grid={grid} vms={vms} sort={{ state, keys: KEYS, defaultSort: 'hostname' }} />}
    </ListPanel>
  );
}
