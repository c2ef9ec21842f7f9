import { ariaSort, type ListKeys, type ListState, sortPatch } from '../gridView.js';
import { setQueryParams } from '../router.js';

export interface SortSpec {
  state: ListState;
  keys: ListKeys;
  /** The column the server sorts by when none is asked for. */
  defaultSort: string;
}

export interface SortHeaderProps {
  label: string;
  /** The API's sort field; without it (or without `sort`) the column is not sortable. */
  field?: string;
  sort?: SortSpec | undefined;
  numeric?: boolean;
}

/** A column header; when sortable, a click puts `sort`/`order` in the URL (Back undoes it). */
export function SortHeader({ label, field, sort, numeric }: SortHeaderProps) {
  const cls = numeric ? 'numeric' : undefined;
  if (!field || !sort) {
    return (
      <th scope="col" class={cls}>
        {label}
      </th>
    );
  }
  const dir = ariaSort(sort.state, field, sort.defaultSort);
  return (
    <th scope="col" class={cls} aria-sort={dir}>
      <button
        type="button"
        class="sort-button"
        data-sort={field}
        onClick={() =>
          setQueryParams(sortPatch(sort.keys, sort.state, field, sort.defaultSort), { push: true })
        }
      >
        {label}
        <span class="sort-arrow" aria-hidden="true">
          {dir === 'ascending' ? ' ▲' : dir === 'descending' ? ' ▼' : ''}
        </span>
      </button>
    </th>
  );
}
