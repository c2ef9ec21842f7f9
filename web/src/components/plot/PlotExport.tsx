import type uPlot from 'uplot';
import { toCsv } from '../../plot/csv.js';
import { downloadBlob, exportName } from '../../plot/download.js';
import type { PlotResult } from '../../plot/usePlotQuery.js';

export interface PlotExportProps {
  matches: readonly string[];
  result: PlotResult | null;
  instance: { current: uPlot | null };
}

/** The canvas on the page's background (uPlot's own is transparent), as a PNG. */
function pngOf(u: uPlot, done: (b: Blob | null) => void): void {
  const src = u.ctx.canvas;
  const out = document.createElement('canvas');
  out.width = src.width;
  out.height = src.height;
  const ctx = out.getContext('2d');
  if (!ctx) {
    done(null);
    return;
  }
  ctx.fillStyle = getComputedStyle(u.root).getPropertyValue('--surface').trim() || '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(src, 0, 0);
  out.toBlob(done, 'image/png');
}

/** Downloads of exactly what is drawn: the API's answer as CSV or JSON, the canvas as PNG. */
export function PlotExport({ matches, result, instance }: PlotExportProps) {
  const name = (ext: string) => exportName(matches, result?.window.from ?? 0, result?.window.to ?? 0, ext);
  const none = result === null;
  return (
    <fieldset class="plot-export">
      <legend class="sr-only">Export</legend>
      <span class="muted" aria-hidden="true">
        Export
      </span>
      <button
        type="button"
        data-testid="export-csv"
        disabled={none}
        onClick={() =>
          result && downloadBlob(new Blob([toCsv(result.answer)], { type: 'text/csv' }), name('csv'))
        }
      >
        CSV
      </button>
      <button
        type="button"
        data-testid="export-json"
        disabled={none}
        onClick={() =>
          result &&
          downloadBlob(new Blob([JSON.stringify(result.answer)], { type: 'application/json' }), name('json'))
        }
      >
        JSON
      </button>
      <button
        type="button"
        data-testid="export-png"
        disabled={none}
        onClick={() => {
          const u = instance.current;
          if (u) pngOf(u, (b) => b && downloadBlob(b, name('png')));
        }}
      >
        PNG
      </button>
    </fieldset>
  );
}
