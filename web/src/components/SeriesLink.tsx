import { plotHref } from '../series.js';

export interface SeriesLinkProps {
  /** The Prometheus selector of this number's history. */
  selector: string;
  value: number;
  /** What the number counts, for screen readers and the tooltip, e.g. `running VMs on east`. */
  title?: string;
}

/** A number that links to its history plot; `data-series` carries the selector. */
export function SeriesLink({ selector, value, title }: SeriesLinkProps) {
  return (
    <a
      class={`num${value === 0 ? ' is-zero' : ''}`}
      href={plotHref(selector)}
      data-series={selector}
      title={title ? `${title}: history` : 'history'}
    >
      {value.toLocaleString()}
    </a>
  );
}
