import { Component } from 'preact';
import { entityAriaLabel, entitySignature, healthOf } from '../format.js';
import { entityHref, withKiosk } from '../router.js';
import { statesOf } from '../sort.js';
import type { OverviewEntity } from '../types.js';
import { ringClass } from './ringStyles.js';

interface CircleNode {
  el: HTMLAnchorElement;
  ring: HTMLElement;
  label: HTMLElement;
  entity: OverviewEntity;
  sig: string;
  href: string;
}

let template: HTMLAnchorElement | null = null;

/** `<a class="circle"><span class="ring">3/5</span><span class="label">web-01</span></a>`, built once, cloned. */
function circleTemplate(): HTMLAnchorElement {
  if (!template) {
    template = document.createElement('a');
    const ring = document.createElement('span');
    const label = document.createElement('span');
    label.className = 'label';
    template.append(ring, label);
  }
  return template;
}

function paint(n: CircleNode, e: OverviewEntity): void {
  const c = e.counts;
  n.el.className = `circle h-${healthOf(c)}`;
  n.el.setAttribute('aria-label', entityAriaLabel(e));
  n.ring.className = `ring ${ringClass(statesOf(e))}`;
  // Labels come from outside: text nodes and attributes only, never markup.
  n.ring.textContent = `${c.ok}/${c.total}`;
  n.label.textContent = e.label;
  n.label.title = e.label;
}

function createCircle(e: OverviewEntity, href: string): CircleNode {
  const el = circleTemplate().cloneNode(true) as HTMLAnchorElement;
  const n: CircleNode = {
    el,
    ring: el.firstChild as HTMLElement,
    label: el.lastChild as HTMLElement,
    entity: e,
    sig: entitySignature(e),
    href,
  };
  el.setAttribute('href', href);
  el.setAttribute('data-entity-id', e.id);
  paint(n, e);
  return n;
}

function updateCircle(n: CircleNode, e: OverviewEntity, href: string): void {
  if (n.href !== href) {
    n.href = href;
    n.el.setAttribute('href', href);
  }
  if (n.entity === e) return;
  n.entity = e;
  const sig = entitySignature(e);
  if (sig === n.sig) return;
  n.sig = sig;
  paint(n, e);
}

export interface CircleGridProps {
  sourceId: string;
  /** A `grid` source's circles are clouds and link to the cloud page. */
  sourceType: string;
  /** What to show, already sorted and filtered. */
  entities: readonly OverviewEntity[];
  /** Every entity of the source: circles hidden by the filter are kept for these, so clearing it is cheap. */
  all: readonly OverviewEntity[];
  kiosk: boolean;
  /** Height to assume while the block is off-screen and has never been laid out. */
  estimatedHeight: number;
}

/** Above this many removals, emptying the block and appending in order beats removing one by one. */
const BULK_REMOVALS = 64;

/**
 * The circles of one account, keyed by entity id and kept by hand rather than one Preact component
 * each: on a 10k board that halves the time to first paint on a small machine, and an `entities`
 * event touches only the circles whose signature changed (plus moves, when the order changes).
 */
export class CircleGrid extends Component<CircleGridProps> {
  private root: HTMLDivElement | null = null;
  /** Built circles by entity id, shown or not. */
  private nodes = new Map<string, CircleNode>();
  /** The circles in the block, in order. */
  private shown: CircleNode[] = [];
  private prunedFor: readonly OverviewEntity[] | null = null;
  private readonly setRoot = (el: HTMLDivElement | null) => {
    this.root = el;
  };

  override componentDidMount(): void {
    this.sync(this.props);
  }

  override shouldComponentUpdate(next: CircleGridProps): boolean {
    const p = this.props;
    if (
      next.entities !== p.entities ||
      next.all !== p.all ||
      next.kiosk !== p.kiosk ||
      next.sourceId !== p.sourceId ||
      next.sourceType !== p.sourceType
    ) {
      this.sync(next);
    }
    if (next.estimatedHeight !== p.estimatedHeight && this.root) {
      this.root.style.containIntrinsicSize = `auto ${next.estimatedHeight}px`;
    }
    return false;
  }

  private prune(all: readonly OverviewEntity[]): void {
    if (this.prunedFor === all) return;
    this.prunedFor = all;
    const ids = new Set<string>();
    for (const e of all) ids.add(e.id);
    for (const id of this.nodes.keys()) if (!ids.has(id)) this.nodes.delete(id);
  }

  private sync({ sourceId, sourceType, entities, all, kiosk }: CircleGridProps): void {
    const root = this.root;
    if (!root) return;
    this.prune(all);
    const ordered: CircleNode[] = [];
    const keep = new Set<CircleNode>();
    for (const e of entities) {
      const href = withKiosk(entityHref({ id: sourceId, type: sourceType }, e), kiosk);
      let n = this.nodes.get(e.id);
      if (n) {
        if (keep.has(n)) continue;
        updateCircle(n, e, href);
      } else {
        n = createCircle(e, href);
        this.nodes.set(e.id, n);
      }
      keep.add(n);
      ordered.push(n);
    }
    let removals = 0;
    for (const n of this.shown) if (!keep.has(n)) removals++;

    if (this.shown.length === 0 || removals > BULK_REMOVALS) {
      const frag = document.createDocumentFragment();
      for (const n of ordered) frag.append(n.el);
      root.textContent = '';
      root.append(frag);
    } else {
      for (const n of this.shown) if (!keep.has(n)) n.el.remove();
      let cursor = root.firstChild;
      for (const n of ordered) {
        if (n.el === cursor) cursor = cursor.nextSibling;
        else root.insertBefore(n.el, cursor);
      }
    }
    this.shown = ordered;
  }

  override render() {
    return (
      <div
        class="circles"
        ref={this.setRoot}
        style={`contain-intrinsic-size:auto ${this.props.estimatedHeight}px`}
      />
    );
  }
}
