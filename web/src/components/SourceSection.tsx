import { Component } from 'preact';
import { alarmTotals, filterEntities, summarize } from '../format.js';
import { gridOfSource, sourceHref, withKiosk } from '../router.js';
import { alarmsSeries } from '../series.js';
import { compareWorstFirst } from '../sort.js';
import type { OverviewEntity, OverviewSource } from '../types.js';
import { AlarmCounts } from './AlarmCounts.js';
import { CircleGrid } from './CircleGrid.js';
import { StatusBadge } from './StatusBadge.js';

/** Height of a block of circles before it is first laid out; the numbers mirror styles.css. */
export function estimateHeight(count: number, kiosk: boolean): number {
  const width = typeof window === 'undefined' ? 1280 : window.innerWidth;
  const item = (kiosk ? 116 : 88) + 6;
  const row = kiosk ? 96 + 18 + 7 + 10 : 64 + 16 + 7 + 10;
  const perRow = Math.max(1, Math.floor((width - 64) / item));
  return Math.ceil(count / perRow) * row - 10;
}

export interface SourceSectionProps {
  source: OverviewSource;
  q: string;
  kiosk: boolean;
}

/**
 * One account. Re-renders only when its own source object changes (the live reducer keeps the others'
 * identity) or the filter changes; the sorted list is cached between renders.
 */
export class SourceSection extends Component<SourceSectionProps> {
  private sortedFor: readonly OverviewEntity[] | null = null;
  private sorted: readonly OverviewEntity[] = [];
  private shownFor: { sorted: readonly OverviewEntity[]; q: string } | null = null;
  private shown: readonly OverviewEntity[] = [];

  override shouldComponentUpdate(next: SourceSectionProps): boolean {
    const p = this.props;
    return next.source !== p.source || next.q !== p.q || next.kiosk !== p.kiosk;
  }

  private visible(): readonly OverviewEntity[] {
    const { source, q } = this.props;
    if (this.sortedFor !== source.entities) {
      this.sorted = source.entities.slice().sort(compareWorstFirst);
      this.sortedFor = source.entities;
    }
    if (!this.shownFor || this.shownFor.sorted !== this.sorted || this.shownFor.q !== q) {
      this.shown = filterEntities(this.sorted, q);
      this.shownFor = { sorted: this.sorted, q };
    }
    return this.shown;
  }

  override render() {
    const { source, q, kiosk } = this.props;
    const shown = this.visible();
    const state = source.status.state;
    const filtered = q.trim() !== '';
    const href = sourceHref(source);
    return (
      <section
        class={`source source-${state}${state === 'stale' || state === 'error' ? ' is-stale' : ''}`}
        data-source-id={source.id}
        aria-label={source.name}
      >
        <header class="source-head">
          <h2 class="source-name">
            {href ? (
              <a href={withKiosk(href, kiosk)} data-grid-link={source.id}>
                {source.name}
              </a>
            ) : (
              source.name
            )}
          </h2>
          <StatusBadge status={source.status} />
          <span class="summary">{summarize(source.entities)}</span>
          {gridOfSource(source) === null && (
            <AlarmCounts
              counts={alarmTotals(source.entities)}
              series={(st) => alarmsSeries(source.id, st)}
              of={source.name}
            />
          )}
          {filtered && (
            <span class="shown">
              showing {shown.length} of {source.entities.length}
            </span>
          )}
        </header>
        {shown.length > 0 ? (
          <CircleGrid
            sourceId={source.id}
            sourceType={source.type}
            entities={shown}
            all={source.entities}
            kiosk={kiosk}
            estimatedHeight={estimateHeight(shown.length, kiosk)}
          />
        ) : (
          <p class="empty">
            {filtered
              ? 'No server matches the filter.'
              : state === 'pending'
                ? 'Waiting for the first poll…'
                : 'No servers.'}
          </p>
        )}
      </section>
    );
  }
}
