import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api.js';
import { isSignedIn } from '../auth.js';
import { useAuth } from '../components/AuthProvider.js';
import { loginHref } from '../loginForm.js';
import { type PasswordChangeValues, passwordChangeProblem } from '../userForm.js';

const EMPTY: PasswordChangeValues = { current: '', next: '', repeat: '' };
type Outcome = { kind: 'ok' | 'error'; text: string } | null;

function PasswordInput(props: {
  id: string;
  name: string;
  label: string;
  autocomplete: string;
  value: string;
  onValue: (v: string) => void;
}) {
  return (
    <div class="field">
      <label class="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.name}
        type="password"
        autocomplete={props.autocomplete}
        value={props.value}
        onInput={(ev) => props.onValue((ev.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}

export function AccountPage() {
  const { me, store } = useAuth();
  const [values, setValues] = useState<PasswordChangeValues>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => {
    document.title = 'Your account — cmon';
  }, []);

  if (!me || !isSignedIn(me)) {
    return (
      <div class="placeholder">
        <p>Only people who signed in with a password can change it.</p>
        <p>
          <a href={loginHref('/account')}>Sign in</a>
        </p>
      </div>
    );
  }

  const set = (key: keyof PasswordChangeValues) => (v: string) => setValues((old) => ({ ...old, [key]: v }));

  const submit = async () => {
    const problem = passwordChangeProblem(values);
    if (problem) {
      setOutcome({ kind: 'error', text: problem });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      await api<void>('/auth/password', {
        method: 'POST',
        body: { currentPassword: values.current, newPassword: values.next },
        noLoginRedirect: true,
      });
      setValues(EMPTY);
      setOutcome({ kind: 'ok', text: 'Password changed. Your other sessions were signed out.' });
      // The server may have rotated this session's CSRF token along with the others.
      void store.load();
    } catch (err) {
      setOutcome({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="settings account-page">
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{me.user?.username}</strong>{' '}
        <span class="badge role-badge" data-role={me.role ?? ''}>
          {me.role}
        </span>
      </p>
      <section class="panel narrow">
        <form
          class="stack-form"
          noValidate
          aria-labelledby="password-title"
          onSubmit={(ev) => {
            ev.preventDefault();
            void submit();
          }}
        >
          <h2 id="password-title">Change password</h2>
          <PasswordInput
            id="pw-current"
            name="currentPassword"
            label="Current password"
            autocomplete="current-password"
            value={values.current}
            onValue={set('current')}
          />
          <PasswordInput
            id="pw-new"
            name="newPassword"
            label="New password"
            autocomplete="new-password"
            value={values.next}
            onValue={set('next')}
          />
          <PasswordInput
            id="pw-repeat"
            name="repeatPassword"
            label="Repeat the new password"
            autocomplete="new-password"
            value={values.repeat}
            onValue={set('repeat')}
          />
          <div class="actions">
            <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
              Change password
            </button>
          </div>
          {outcome && (
            <p
              class={`outcome outcome-${outcome.kind}`}
              role={outcome.kind === 'error' ? 'alert' : 'status'}
              data-testid="password-outcome"
            >
              {outcome.text}
            </p>
          )}
        </form>
      </section>
    </div>
  );
}
