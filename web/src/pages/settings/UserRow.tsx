import { useState } from 'preact/hooks';
import { ROLES, type Role } from '../../auth.js';
import { formatWhen } from '../../format.js';
import type { UserView } from '../../types.js';

export interface UserRowProps {
  user: UserView;
  isMe: boolean;
  busy: boolean;
  onRole: (user: UserView, role: Role) => void;
  onPassword: (user: UserView, password: string) => Promise<boolean>;
  onRemove: (user: UserView) => void;
}

export function UserRow({ user, isMe, busy, onRole, onPassword, onRemove }: UserRowProps) {
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');

  return (
    <tr data-user-id={user.id} data-testid="user-row">
      <td>
        {user.username}
        {isMe && <span class="muted"> (you)</span>}
      </td>
      <td>
        <select
          name="role"
          aria-label={`Role of ${user.username}`}
          value={user.role}
          disabled={busy}
          onChange={(ev) => onRole(user, (ev.currentTarget as HTMLSelectElement).value as Role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td>{formatWhen(user.createdAt)}</td>
      <td class="row-actions">
        {resetting ? (
          <form
            class="inline-form"
            onSubmit={(ev) => {
              ev.preventDefault();
              if (password === '') return;
              void onPassword(user, password).then((ok) => {
                if (ok) {
                  setResetting(false);
                  setPassword('');
                }
              });
            }}
          >
            <input
              name="resetPassword"
              type="password"
              autocomplete="new-password"
              aria-label={`New password for ${user.username}`}
              placeholder="New password"
              value={password}
              onInput={(ev) => setPassword((ev.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" class="primary" disabled={busy || password === ''}>
              Set password
            </button>
            <button type="button" onClick={() => setResetting(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={() => setResetting(true)}>
              Reset password
            </button>
            <button
              type="button"
              class="danger"
              disabled={busy}
              aria-label={`Remove ${user.username}`}
              onClick={() => onRemove(user)}
            >
              Remove
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
