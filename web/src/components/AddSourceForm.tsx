import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, errorMessage, isAbortError } from '../api.js';
import { DEFAULT_IDENTITY_URL, EMPTY_FORM, type SourceFormValues, toNewSource } from '../sourceForm.js';
import type { SourceView, TestResult } from '../types.js';

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

function Field(props: { id: string; label: string; hint?: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label class="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.children}
      {props.hint && <span class="hint">{props.hint}</span>}
    </div>
  );
}

export function AddSourceForm({ onAdded }: { onAdded: (source: SourceView) => void }) {
  const [values, setValues] = useState<SourceFormValues>(EMPTY_FORM);
  const [busy, setBusy] = useState<'test' | 'add' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const set =
    <K extends keyof SourceFormValues>(key: K) =>
    (ev: Event) =>
      setValues((v) => ({ ...v, [key]: (ev.currentTarget as HTMLInputElement).value }));

  const run = async (kind: 'test' | 'add') => {
    setBusy(kind);
    setOutcome(null);
    const body = toNewSource(values);
    try {
      if (kind === 'test') {
        const r = await api<TestResult>('/sources/test', { method: 'POST', body });
        setOutcome(
          r.ok
            ? { kind: 'ok', text: 'Connection OK: the credentials work.' }
            : { kind: 'error', text: `Connection failed: ${r.error ?? 'unknown error'}` },
        );
      } else {
        const created = await api<SourceView>('/sources', { method: 'POST', body });
        setValues(EMPTY_FORM);
        setOutcome({ kind: 'ok', text: `Added account “${created.name}”.` });
        onAdded(created);
      }
    } catch (err) {
      if (!isAbortError(err)) setOutcome({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <form
      class="add-source"
      noValidate
      aria-labelledby="new-account-title"
      onSubmit={(ev) => {
        ev.preventDefault();
        void run('add');
      }}
    >
      <h2 id="new-account-title">New account</h2>
      <div class="grid">
        <Field id="src-name" label="Name">
          <input
            id="src-name"
            name="name"
            required
            value={values.name}
            onInput={set('name')}
            placeholder="Production"
          />
        </Field>
        <Field id="src-username" label="Username">
          <input
            id="src-username"
            name="username"
            required
            autocomplete="off"
            value={values.username}
            onInput={set('username')}
          />
        </Field>
        <Field id="src-authMethod" label="Authentication">
          <select
            id="src-authMethod"
            name="authMethod"
            value={values.authMethod}
            onChange={set('authMethod')}
          >
            <option value="apiKey">API key</option>
            <option value="password">Password</option>
          </select>
        </Field>
        <Field id="src-secret" label={values.authMethod === 'password' ? 'Password' : 'API key'}>
          <input
            id="src-secret"
            name="secret"
            type="password"
            required
            autocomplete="new-password"
            value={values.secret}
            onInput={set('secret')}
          />
        </Field>
        <Field
          id="src-identityUrl"
          label="Identity URL"
          hint="Optional; leave blank for the public Rackspace endpoint."
        >
          <input
            id="src-identityUrl"
            name="identityUrl"
            type="url"
            placeholder={DEFAULT_IDENTITY_URL}
            value={values.identityUrl}
            onInput={set('identityUrl')}
          />
        </Field>
        <Field id="src-pollIntervalSec" label="Poll interval (seconds)">
          <input
            id="src-pollIntervalSec"
            name="pollIntervalSec"
            type="number"
            min={1}
            step={1}
            value={values.pollIntervalSec}
            onInput={set('pollIntervalSec')}
          />
        </Field>
      </div>
      <div class="actions">
        <button
          type="button"
          disabled={busy !== null}
          aria-busy={busy === 'test'}
          onClick={() => void run('test')}
        >
          Test connection
        </button>
        <button type="submit" class="primary" disabled={busy !== null} aria-busy={busy === 'add'}>
          Add account
        </button>
      </div>
      {outcome && (
        <p
          class={`outcome outcome-${outcome.kind}`}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          data-testid="form-outcome"
        >
          {outcome.text}
        </p>
      )}
    </form>
  );
}
