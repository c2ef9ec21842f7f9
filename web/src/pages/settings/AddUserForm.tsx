import { useState } from 'preact/hooks';
import { api, errorMessage } from '../../api.js';
import { ROLES } from '../../auth.js';
import type { UserView } from '../../types.js';
import { EMPTY_USER, type NewUserValues, toNewUser } from '../../userForm.js';

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

export function AddUserForm({ onAdded }: { onAdded: (user: UserView) => void }) {
  const [values, setValues] = useState<NewUserValues>(EMPTY_USER);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const set = (key: keyof NewUserValues) => (ev: Event) =>
    setValues((v) => ({ ...v, [key]: (ev.currentTarget as HTMLInputElement).value }));

  const submit = async () => {
    const req = toNewUser(values);
    if (!req.ok) {
      setOutcome({ kind: 'error', text: req.error });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const user = await api<UserView>('/users', { method: 'POST', body: req.body });
      setValues(EMPTY_USER);
      setOutcome({ kind: 'ok', text: `Added user “${user.username}” (${user.role}).` });
      onAdded(user);
    } catch (err) {
      setOutcome({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="stack-form"
      noValidate
      aria-labelledby="new-user-title"
      onSubmit={(ev) => {
        ev.preventDefault();
        void submit();
      }}
    >
      <h2 id="new-user-title">New user</h2>
      <div class="grid">
        <div class="field">
          <label class="field-label" htmlFor="new-username">
            Username
          </label>
          <input
            id="new-username"
            name="newUsername"
            autocomplete="off"
            value={values.username}
            onInput={set('username')}
          />
        </div>
        <div class="field">
          <label class="field-label" htmlFor="new-password">
            Password
          </label>
          <input
            id="new-password"
            name="newPassword"
            type="password"
            autocomplete="new-password"
            value={values.password}
            onInput={set('password')}
          />
        </div>
        <div class="field">
          <label class="field-label" htmlFor="new-role">
            Role
          </label>
          <select id="new-role" name="newRole" value={values.role} onChange={set('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          Add user
        </button>
      </div>
      {outcome && (
        <p class={`outcome outcome-${outcome.kind}`} role={outcome.kind === 'error' ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      )}
    </form>
  );
}
