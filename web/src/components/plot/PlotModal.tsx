import { useEffect, useRef, useState } from 'preact/hooks';
import { type PlotState, plotOf, plotPageHref } from '../../plot/plotState.js';
import { PlotView } from './PlotView.js';

export interface PlotModalProps {
  state: PlotState;
  onChange: (next: PlotState) => void;
  onClose: () => void;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab cycle through the dialog's controls: the page behind it is out of reach. */
function keepFocusIn(root: HTMLElement, ev: KeyboardEvent): void {
  const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0,
  );
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  const inside = active instanceof Node && root.contains(active) && active !== root;
  if (ev.shiftKey && (!inside || active === first)) {
    ev.preventDefault();
    last.focus();
  } else if (!ev.shiftKey && (!inside || active === last)) {
    ev.preventDefault();
    first.focus();
  }
}

/** The plot over the page; "Expand" opens the same view as a page of its own. */
export function PlotModal({ state, onChange, onClose }: PlotModalProps) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.focus();
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        onClose();
      } else if (ev.key === 'Tab' && dialog.current) keepFocusIn(dialog.current, ev);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; Escape and the close button are the accessible ways out
    <div
      class="overlay plot-overlay"
      role="presentation"
      onMouseDown={(ev) => {
        if (ev.target === ev.currentTarget) onClose();
      }}
    >
      <div
        class="dialog plot-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="plot-dialog-title"
        tabIndex={-1}
        ref={dialog}
        data-testid="plot-modal"
      >
        <header class="plot-dialog-head">
          <h2 id="plot-dialog-title">
            {state.matches.map((m) => (
              <code key={m}>{m}</code>
            ))}
          </h2>
          <a href={plotPageHref(state)} data-testid="plot-expand" onClick={onClose}>
            Expand ↗
          </a>
          <button type="button" class="plot-close" onClick={onClose} aria-label="Close" title="Close (Esc)">
            ✕
          </button>
        </header>
        <PlotView state={state} onChange={onChange} height={320} />
      </div>
    </div>
  );
}

/**
 * Opens the modal for a plain click on any `a[data-series]` (every number with a history); a
 * ctrl/cmd/shift click or a middle click still opens the link itself. Listens in the capture phase,
 * ahead of the router's link interception. Closes when the page changes.
 */
export function PlotModalHost({ here }: { here: string }) {
  const [state, setState] = useState<PlotState | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const onClick = (ev: MouseEvent) => {
      if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey)
        return;
      const a = (ev.target as Element | null)?.closest?.('a[data-series]') as HTMLElement | null;
      const selector = a?.getAttribute('data-series');
      if (!a || !selector) return;
      ev.preventDefault();
      opener.current = a;
      setState(plotOf(selector));
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);
  useEffect(() => setState(null), [here]);

  const close = useRef(() => {
    setState(null);
    opener.current?.focus();
  }).current;

  return state ? <PlotModal state={state} onChange={setState} onClose={close} /> : null;
}
