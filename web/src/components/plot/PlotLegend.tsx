import type { ChartData } from '../../plot/chartData.js';

export interface PlotLegendProps {
  chart: ChartData;
  /** The bucket under the cursor, else null: the latest bucket with a value is shown. */
  idx: number | null;
  prev: boolean;
}

const fmt = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : v.toLocaleString(undefined, { maximumFractionDigits: 3 });

function lastIndexWithValue(col: readonly (number | null)[]): number | null {
  for (let i = col.length - 1; i >= 0; i--) if (col[i] !== null) return i;
  return null;
}

/** One row per series: its labels (as text) and min / max / avg / last at the cursor. */
export function PlotLegend({ chart, idx, prev }: PlotLegendProps) {
  if (chart.series.length === 0) return null;
  const when = idx === null ? undefined : chart.data[0][idx];
  return (
    <table class="plot-legend" data-testid="plot-legend">
      <caption>{when === undefined ? 'Latest values' : `At ${new Date(when).toLocaleString()}`}</caption>
      <thead>
        <tr>
          <th scope="col">Series</th>
          <th scope="col">min</th>
          <th scope="col">max</th>
          <th scope="col">avg</th>
          <th scope="col">last</th>
          {prev && <th scope="col">prev. avg</th>}
        </tr>
      </thead>
      <tbody>
        {chart.series.map((s, i) => {
          const col = (k: number) => chart.data[1 + 3 * i + k] ?? [];
          const at = idx ?? lastIndexWithValue(col(2));
          const p = chart.lines.findIndex((l) => l.kind === 'prev' && l.series === i);
          return (
            <tr key={s.label}>
              <th scope="row">
                <span class="swatch" style={{ background: s.color }} aria-hidden="true" />
                <code>{s.label}</code>
              </th>
              <td>{fmt(at === null ? null : col(0)[at])}</td>
              <td>{fmt(at === null ? null : col(1)[at])}</td>
              <td>{fmt(at === null ? null : col(2)[at])}</td>
              <td>{fmt(at === null ? null : s.last[at])}</td>
              {prev && <td>{fmt(at === null || p < 0 ? null : chart.data[1 + p]?.[at])}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
