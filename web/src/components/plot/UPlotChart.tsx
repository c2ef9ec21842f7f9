import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartData } from '../../plot/chartData.js';
import { bandsOf, type ChartColors, chartOptions, seriesOptions, shapeKey } from '../../plot/chartOptions.js';
import type { TimeWindow } from '../../plot/range.js';

export interface UPlotChartProps {
  chart: ChartData;
  window: TimeWindow;
  height: number;
  onZoom: (a: number, b: number) => void;
  onCursor: (idx: number | null) => void;
  /** The plot area's width in CSS pixels, at mount and on each resize. */
  onWidth: (width: number) => void;
  /** The uPlot instance, for the PNG export (null after unmount). */
  instance?: { current: uPlot | null };
}

function themeColors(el: Element): ChartColors {
  const css = getComputedStyle(el);
  return {
    text: css.getPropertyValue('--muted').trim() || '#5f6673',
    grid: css.getPropertyValue('--border').trim() || '#d9dce1',
  };
}

/** Replaces uPlot's series and bands in place: the instance lives as long as the component. */
function syncLines(u: uPlot, chart: ChartData): void {
  u.delBand(null);
  for (let i = u.series.length - 1; i >= 1; i--) u.delSeries(i);
  for (const line of chart.lines) u.addSeries(seriesOptions(line));
  for (const band of bandsOf(chart.lines)) u.addBand(band);
}

/** uPlot, created once per mount; data through `setData`, size through `setSize` (STYLE habit 7). */
export function UPlotChart({ chart, window, height, onZoom, onCursor, onWidth, instance }: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = useRef('');
  const win = useRef(window);
  win.current = window;
  const handlers = useRef({ onZoom, onCursor, onWidth });
  handlers.current = { onZoom, onCursor, onWidth };
  const heightRef = useRef(height);
  heightRef.current = height;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(100, Math.floor(el.clientWidth));
    const u = new uPlot(
      chartOptions({
        width: width(),
        height: heightRef.current,
        colors: themeColors(el),
        getWindow: () => win.current,
        onSelect: (a, b) => handlers.current.onZoom(a, b),
        onCursor: (idx) => handlers.current.onCursor(idx),
      }),
      [[]],
      el,
    );
    plot.current = u;
    if (instance) instance.current = u;
    handlers.current.onWidth(width());
    let last = width();
    const ro = new ResizeObserver(() => {
      const w = width();
      if (w === last) return;
      last = w;
      u.setSize({ width: w, height: heightRef.current });
      handlers.current.onWidth(w);
    });
    ro.observe(el);
    // uPlot paints axes on the canvas: a theme switch has to hand it the new colours.
    const mo = new MutationObserver(() => {
      const c = themeColors(el);
      for (const axis of u.axes) {
        axis.stroke = () => c.text;
        if (axis.grid) axis.grid.stroke = () => c.grid;
        if (axis.ticks) axis.ticks.stroke = () => c.grid;
      }
      u.redraw(false, true);
    });
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'data-kiosk'] });
    return () => {
      mo.disconnect();
      ro.disconnect();
      u.destroy();
      plot.current = null;
      if (instance) instance.current = null;
    };
  }, [instance]);

  useEffect(() => {
    const u = plot.current;
    if (!u || u.height === height) return;
    u.setSize({ width: u.width, height });
  }, [height]);

  // `window` is a dep so a new window redraws the x axis even when the data object is the same.
  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    const key = shapeKey(chart.lines);
    if (key !== shape.current) {
      syncLines(u, chart);
      shape.current = key;
    }
    u.setData(chart.data, true);
  }, [chart, window.from, window.to]);

  return <div class="plot-canvas" ref={box} />;
}
