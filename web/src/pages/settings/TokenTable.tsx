import { formatWhen } from '../../format.js';
import type { TokenView } from '../../types.js';

export interface TokenTableProps {
  tokens: readonly TokenView[];
  busy: string | null;
  onDelete: (token: TokenView) => void;
}

export function TokenTable({ tokens, busy, onDelete }: TokenTableProps) {
  if (tokens.length === 0) return <p class="empty">No API tokens yet.</p>;
  return (
    <table class="table tokens-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Scopes</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">
            <span class="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr key={t.id} data-token-id={t.id} data-testid="token-row">
            <td>{t.name}</td>
            <td>
              {t.scopes.map((s) => (
                <span key={s} class="badge scope-badge">
                  {s}
                </span>
              ))}
            </td>
            <td>{formatWhen(t.createdAt)}</td>
            <td>{t.lastUsedAt === null ? 'never' : formatWhen(t.lastUsedAt)}</td>
            <td>
              <button
                type="button"
                class="danger"
                disabled={busy === t.id}
                aria-label={`Delete ${t.name}`}
                onClick={() => onDelete(t)}
              >
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
