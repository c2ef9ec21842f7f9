import { useRef, useState } from 'preact/hooks';

/** Copies from a secure context with the Clipboard API, else by selecting the text (plain-http LANs). */
async function copyText(text: string, el: HTMLElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied: fall through to the selection.
  }
  if (!el) return false;
  const range = document.createRange();
  range.selectNodeContents(el);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/** A value shown once, as text, with a Copy button. */
export function CopyField({ value, testid, label }: { value: string; testid: string; label: string }) {
  const code = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div class="copy-field">
      <code ref={code} class="secret" data-testid={testid}>
        {value}
      </code>
      <button
        type="button"
        onClick={() => void copyText(value, code.current).then(setCopied)}
        aria-label={`Copy ${label}`}
      >
        Copy
      </button>
      {copied !== null && (
        <span class={copied ? 'muted' : 'outcome-error'} role="status">
          {copied ? 'Copied.' : 'Select it and copy by hand.'}
        </span>
      )}
    </div>
  );
}
