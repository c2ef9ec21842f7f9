import { useState } from 'preact/hooks';
import { api, errorMessage } from '../../api.js';
import type { Role } from '../../auth.js';
import { useAuth } from '../../components/AuthProvider.js';
import type { UserView } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { AddUserForm } from './AddUserForm.js';
import { UserRow } from './UserRow.js';

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

export function UsersSection() {
  const { me, store } = useAuth();
  const { data, error, reload } = useFetch<{ users: UserView[] }>('/users');
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  /** Runs one change to one user; the server's message (e.g. "the last admin") is what is shown. */
  const change = async (user: UserView, run: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(user.id);
    setOutcome(null);
    try {
      await run();
      setOutcome({ kind: 'ok', text: done });
      return true;
    } catch (err) {
      setOutcome({ kind: 'error', text: `Could not change “${user.username}”: ${errorMessage(err)}` });
      return false;
    } finally {
      setBusy(null);
      reload();
      // My own role may just have changed: what the UI offers follows.
      if (user.id === me?.user?.id) void store.load();
    }
  };
  const url = (u: UserView) => `/users/${encodeURIComponent(u.id)}`;

  const onRole = (u: UserView, role: Role) =>
    void change(u, () => api(url(u), { method: 'PATCH', body: { role } }), `${u.username} is now ${role}.`);
  const onPassword = (u: UserView, password: string) =>
    change(
      u,
      () => api(url(u), { method: 'PATCH', body: { password } }),
      `Password of ${u.username} changed.`,
    );
  const onRemove = (u: UserView) => {
    if (!confirm(`Remove the user “${u.username}”? Their sessions end at once.`)) return;
    void change(u, () => api(url(u), { method: 'DELETE' }), `Removed ${u.username}.`);
  };

  return (
    <>
      <section class="panel" aria-labelledby="users-title">
        <h2 id="users-title">Users</h2>
        {error && (
          <p class="outcome outcome-error" role="alert">
            Could not load the users: {error}
          </p>
        )}
        {outcome && (
          <p
            class={`outcome outcome-${outcome.kind}`}
            role={outcome.kind === 'error' ? 'alert' : 'status'}
            data-testid="users-outcome"
          >
            {outcome.text}
          </p>
        )}
        {data ? (
          <table class="table users-table">
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((u) => (
                <UserRow
                  key={u.id}
                  user={u}
                  isMe={u.id === me?.user?.id}
                  busy={busy === u.id}
                  onRole={onRole}
                  onPassword={onPassword}
                  onRemove={onRemove}
                />
              ))}
            </tbody>
          </table>
        ) : (
          !error && <p class="placeholder">Loading…</p>
        )}
      </section>
      <section class="panel">
        <AddUserForm onAdded={reload} />
      </section>
    </>
  );
}
