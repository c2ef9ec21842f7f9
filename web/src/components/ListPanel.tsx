import type { ComponentChildren } from 'preact';
import type { Page } from '../gridTypes.js';
import type { ListKeys, ListState } from '../gridView.js';
import { ListFilters } from './ListFilters.js';
import { Pager } from './Pager.js';

export interface ListPanelProps<T> {
  id: string;
  title: string;
  keys: ListKeys;
  state: ListState;
  limit: number;
  /** The filter select and search box. */
  filter: { label: string; options: readonly string[]; placeholder: string; searchLabel: string };
  data: Page<T> | null;
  error: string | null;
  /** What to say when there are no rows: with a filter set, and without. */
  empty: { filtered: string; none: string };
  noun: string;
  /** The table of the page's rows. */
  children: (items: T[]) => ComponentChildren;
}

/** A paged list panel of a cloud (VMs, jobs): filters, the table, loading/empty/error lines, the pager. */
export function ListPanel<T>(p: ListPanelProps<T>) {
  const { data, state } = p;
  return (
    <section class="panel" aria-labelledby={`${p.id}s-h`} data-testid={`${p.id}-list`}>
      <div class="panel-head">
        <h2 id={`${p.id}s-h`}>{p.title}</h2>
        <ListFilters
          keys={p.keys}
          state={state}
          selectLabel={p.filter.label}
          options={p.filter.options}
          placeholder={p.filter.placeholder}
          searchLabel={p.filter.searchLabel}
        />
      </div>
      {p.error && (
        <p class="outcome outcome-error" role="alert">
          {p.error}
        </p>
      )}
      {!data && !p.error && <p class="placeholder">Loading…</p>}
      {data && (
        <>
          {data.items.length > 0 ? (
            p.children(data.items)
          ) : (
            <p class="empty">{state.filter || state.q ? p.empty.filtered : p.empty.none}</p>
          )}
          <Pager
            keys={p.keys}
            page={state.page}
            limit={p.limit}
            total={data.total}
            offset={data.offset}
            count={data.items.length}
            noun={p.noun}
          />
        </>
      )}
    </section>
  );
}
