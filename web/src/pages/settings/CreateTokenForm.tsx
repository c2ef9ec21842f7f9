import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import {
  BASE_SCOPES,
  EMPTY_TOKEN_FORM,
  SCOPE_HINTS,
  type TokenFormValues,
  toggleScope,
  toTokenRequest,
} from '../../tokenForm.js';
import type { CreatedToken } from '../../types.js';
import { useSubmit } from '../../useSubmit.js';

export function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const [values, setValues] = useState<TokenFormValues>(EMPTY_TOKEN_FORM);
  const { busy, error, setError, run } = useSubmit();

  const submit = async () => {
    const req = toTokenRequest(values);
    if (!req.ok) {
      setError(req.error);
      return;
    }
    await run(async () => {
      const created = await api<CreatedToken>('/tokens', { method: 'POST', body: req.body });
      setValues(EMPTY_TOKEN_FORM);
      onCreated(created);
    });
  };

  return (
    <form
      class="stack-form"
      noValidate
      aria-labelledby="new-token-title"
      onSubmit={(ev) => {
        ev.preventDefault();
        void submit();
      }}
    >
      <h2 id="new-token-title">New API token</h2>
      <p class="hint">
        For scripts and collectors: send it as <code>Authorization: Bearer …</code>.
      </p>
      <div class="field">
        <label class="field-label" htmlFor="token-name">
          Name
        </label>
        <input
          id="token-name"
          name="tokenName"
          autocomplete="off"
          placeholder="e.g. nightly export"
          value={values.name}
          onInput={(ev) => setValues((v) => ({ ...v, name: (ev.currentTarget as HTMLInputElement).value }))}
        />
      </div>
      <fieldset class="scopes">
        <legend class="field-label">Scopes</legend>
        {BASE_SCOPES.map((s) => (
          <label key={s} class="check">
            <input
              type="checkbox"
              name="scope"
              value={s}
              checked={values.scopes.includes(s)}
              onChange={(ev) => {
                const on = (ev.currentTarget as HTMLInputElement).checked;
                setValues((v) => ({ ...v, scopes: toggleScope(v.scopes, s, on) }));
              }}
            />
            <code>{s}</code> <span class="muted">— {SCOPE_HINTS[s]}</span>
          </label>
        ))}
        <div class="field">
          <label class="field-label" htmlFor="token-grids">
            <code>ingest:</code> grids
          </label>
          <input
            id="token-grids"
            name="ingestGrids"
            autocomplete="off"
            placeholder="grid names, comma-separated"
            value={values.grids}
            onInput={(ev) =>
              setValues((v) => ({ ...v, grids: (ev.currentTarget as HTMLInputElement).value }))
            }
          />
          <span class="hint">
            Each name becomes a scope <code>ingest:&lt;grid&gt;</code> for a collector.
          </span>
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          Create token
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
