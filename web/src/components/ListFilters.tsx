import { filterPatch, type ListKeys, type ListState } from '../gridView.js';
import { setQueryParams } from '../router.js';

export interface ListFiltersProps {
  keys: ListKeys;
  state: ListState;
  /** e.g. `State`; the select's label. */
  selectLabel: string;
  options: readonly string[];
  placeholder: string;
  /** Accessible name of the text box. */
  searchLabel: string;
}

/** A select and a text box whose values live in the URL; each change goes back to page 1. */
export function ListFilters({
  keys,
  state,
  selectLabel,
  options,
  placeholder,
  searchLabel,
}: ListFiltersProps) {
  const known = state.filter === '' || options.includes(state.filter);
  return (
    <div class="list-filters">
      <label class="inline-label">
        {selectLabel}{' '}
        <select
          value={state.filter}
          data-testid={`${keys.filter}-select`}
          onChange={(ev) =>
            setQueryParams(filterPatch(keys, 'filter', (ev.currentTarget as HTMLSelectElement).value), {
              push: true,
            })
          }
        >
          <option value="">all</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o.replace(/_/g, ' ')}
            </option>
          ))}
          {!known && <option value={state.filter}>{state.filter}</option>}
        </select>
      </label>
      <input
        type="search"
        placeholder={placeholder}
        aria-label={searchLabel}
        data-testid={`${keys.q}-input`}
        value={state.q}
        onInput={(ev) => setQueryParams(filterPatch(keys, 'q', (ev.currentTarget as HTMLInputElement).value))}
      />
    </div>
  );
}
