import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { kioskTokenName } from '../../tokenForm.js';
import type { CreatedToken } from '../../types.js';
import { useSubmit } from '../../useSubmit.js';

/** A `read` token for one TV; its link is shown once by the caller. */
export function KioskLinkForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const [label, setLabel] = useState('');
  const { busy, error, run } = useSubmit();

  const submit = () =>
    run(async () => {
      const created = await api<CreatedToken>('/tokens', {
        method: 'POST',
        body: { name: kioskTokenName(label), scopes: ['read'] },
      });
      setLabel('');
      onCreated(created);
    });

  return (
    <form
      class="stack-form"
      noValidate
      aria-labelledby="kiosk-title"
      onSubmit={(ev) => {
        ev.preventDefault();
        void submit();
      }}
    >
      <h2 id="kiosk-title">Kiosk link for a TV</h2>
      <p class="hint">
        A read-only link: open it once on the TV and it stays signed in. Delete its token below to cut it off.
      </p>
      <div class="field">
        <label class="field-label" htmlFor="kiosk-label">
          Screen
        </label>
        <input
          id="kiosk-label"
          name="kioskLabel"
          autocomplete="off"
          placeholder="e.g. NOC wall"
          value={label}
          onInput={(ev) => setLabel((ev.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          Create kiosk link
        </button>
      </div>
      {error && (
        <p class="outcome outcome-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
