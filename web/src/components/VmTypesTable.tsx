import type { GridSummary } from '../gridTypes.js';
import { cloudPath, vmTypeColumns } from '../gridView.js';
import { vmsByTypeSeries } from '../series.js';
import { SeriesLink } from './SeriesLink.js';

/**
 * VMs by type: a row per cloud (`data-cloud`) and the grid's totals ("All clouds", its own series
 * with `cloud=""`); a column per type seen anywhere; every number links to its history.
 */
export function VmTypesTable({ summary }: { summary: GridSummary }) {
  const grid = summary.name;
  const types = vmTypeColumns([summary.vmTypes, ...summary.clouds.map((c) => c.vmTypes)]);
  if (types.length === 0) {
    return (
      <p class="empty" data-testid="vm-types">
        No VM types reported.
      </p>
    );
  }
  const totals = summary.vmTypes ?? {};
  return (
    <div class="table-scroll">
      <table class="table grid-table vm-types-table" data-testid="vm-types">
        <thead>
          <tr>
            <th scope="col">Cloud</th>
            {types.map((t) => (
              <th key={t} scope="col" class="numeric" data-vmtype={t}>
                {/* The collector's name (text), or "(none)" for VMs without a type. */}
                {t === '' ? <span class="muted">(none)</span> : t}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.clouds.map((c) => (
            <tr key={c.name} data-cloud={c.name} class={c.enabled ? undefined : 'is-disabled'}>
              <th scope="row">
                <a href={cloudPath(grid, c.name)}>{c.name}</a>
              </th>
              {types.map((t) => (
                <td key={t} class="numeric">
                  <SeriesLink
                    selector={vmsByTypeSeries(grid, c.name, t)}
                    value={c.vmTypes?.[t] ?? 0}
                    title={`${t || 'untyped'} VMs on ${c.name}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr class="totals-row" data-testid="vm-types-totals">
            <th scope="row">All clouds</th>
            {types.map((t) => (
              <td key={t} class="numeric strong">
                <SeriesLink
                  selector={vmsByTypeSeries(grid, undefined, t)}
                  value={totals[t] ?? 0}
                  title={`${t || 'untyped'} VMs`}
                />
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
