import type { GridVm } from '../gridTypes.js';
import { gridPath, listApiPath, listKeys, readList } from '../gridView.js';
import { useOnNewSnapshot } from '../useGridSummary.js';
import { usePagedList } from '../usePagedList.js';
import { ListFilters } from './ListFilters.js';
import { Pager } from './Pager.js';
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
    <section class="panel" aria-labelledby="vms-h" data-testid="vm-list">
      <div class="panel-head">
        <h2 id="vms-h">VMs</h2>
        <ListFilters
          keys={KEYS}
          state={state}
          selectLabel="State"
          options={states}
          placeholder="Hostname, ID or user…"
          searchLabel="Filter VMs by hostname, ID or user"
        />
      </div>
      {error && (
        <p class="outcome outcome-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p class="placeholder">Loading…</p>}
      {data && (
        <>
          {data.items.length > 0 ? (
            <VmTable grid={grid} vms={data.items} sort={{ state, keys: KEYS, defaultSort: 'hostname' }} />
          ) : (
            <p class="empty">
              {state.filter || state.q ? 'No VM matches the filter.' : 'No VMs on this cloud.'}
            </p>
          )}
          <Pager
            keys={KEYS}
            page={state.page}
            limit={LIST_LIMIT}
            total={data.total}
            offset={data.offset}
            count={data.items.length}
            noun="VMs"
          />
        </>
      )}
    </section>
  );
}
