import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../../api.js';
import { CopyField } from '../../components/CopyField.js';
import { kioskLink } from '../../tokenForm.js';
import type { CreatedToken, TokenView } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { CreateTokenForm } from './CreateTokenForm.js';
import { KioskLinkForm } from './KioskLinkForm.js';
import { TokenTable } from './TokenTable.js';

/** What was just created; it lives only in this component's state and is gone on navigation. */
type Reveal = { kind: 'token' | 'kiosk'; name: string; value: string } | null;

export function TokensSection() {
  const { data, error, reload } = useFetch<{ tokens: TokenView[] }>('/tokens');
  const [reveal, setReveal] = useState<Reveal>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const revealBox = useRef<HTMLElement>(null);

  // The forms sit below the list: bring the once-only secret into view.
  useEffect(() => {
    if (reveal) revealBox.current?.scrollIntoView?.({ block: 'nearest' });
  }, [reveal]);

  const created = (kind: 'token' | 'kiosk') => (c: CreatedToken) => {
    const value = kind === 'kiosk' ? kioskLink(location.origin, c.secret) : c.secret;
    setReveal({ kind, name: c.token.name, value });
    reload();
  };

  const remove = async (t: TokenView) => {
    if (!confirm(`Delete the token “${t.name}”? Whatever uses it stops working at once.`)) return;
    setBusy(t.id);
    setProblem(null);
    try {
      await api<void>(`/tokens/${encodeURIComponent(t.id)}`, { method: 'DELETE' });
    } catch (err) {
      setProblem(`Could not delete “${t.name}”: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
      reload();
    }
  };

  return (
    <>
      {reveal && (
        <section ref={revealBox} class="panel reveal" aria-labelledby="reveal-title">
          <h2 id="reveal-title">
            {reveal.kind === 'kiosk' ? 'Kiosk link' : 'New token'} “{reveal.name}”
          </h2>
          <p class="warning" role="status">
            Copy it now: it will not be shown again. Anyone who has it can{' '}
            {reveal.kind === 'kiosk' ? 'watch the board' : 'use the API with its scopes'}.
          </p>
          <CopyField
            value={reveal.value}
            testid={reveal.kind === 'kiosk' ? 'kiosk-link' : 'token-secret'}
            label={reveal.kind === 'kiosk' ? 'kiosk link' : 'token'}
          />
          <div class="actions">
            <button type="button" onClick={() => setReveal(null)}>
              Done
            </button>
          </div>
        </section>
      )}
      <section class="panel" aria-labelledby="tokens-title">
        <h2 id="tokens-title">API tokens</h2>
        {error && (
          <p class="outcome outcome-error" role="alert">
            Could not load the tokens: {error}
          </p>
        )}
        {problem && (
          <p class="outcome outcome-error" role="alert">
            {problem}
          </p>
        )}
        {data ? (
          <TokenTable tokens={data.tokens} busy={busy} onDelete={(t) => void remove(t)} />
        ) : (
          !error && <p class="placeholder">Loading…</p>
        )}
      </section>
      <div class="panel-row">
        <section class="panel">
          <CreateTokenForm onCreated={created('token')} />
        </section>
        <section class="panel">
          <KioskLinkForm onCreated={created('kiosk')} />
        </section>
      </div>
    </>
  );
}
