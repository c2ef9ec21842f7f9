import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api.js';
import type { SourceStatus, SourceView } from '../types.js';
import { StatusBadge } from './StatusBadge.js';

export interface SourceListProps {
  sources: readonly SourceView[];
  /** Fresher statuses from the live stream, by source id. */
  liveStatus: ReadonlyMap<string, SourceStatus>;
  /** Admins get a Remove button; everyone else sees the list only. */
  canManage: boolean;
  onRemoved: (id: string) => void;
}

export function SourceList({ sources, liveStatus, canManage, onRemoved }: SourceListProps) {
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remove = async (s: SourceView) => {
    if (!confirm(`Remove the account “${s.name}”? Its servers leave the board.`)) return;
    setRemoving(s.id);
    setError(null);
    try {
      await api<void>(`/sources/${encodeURIComponent(s.id)}`, { method: 'DELETE' });
      onRemoved(s.id);
    } catch (err) {
      setError(`Could not remove “${s.name}”: ${errorMessage(err)}`);
    } finally {
      setRemoving(null);
    }
  };

  if (sources.length === 0)
    return <p class="empty">{canManage ? 'No accounts yet. Add one below.' : 'No accounts yet.'}</p>;
  return (
    <>
      {error && (
        <p class="outcome outcome-error" role="alert">
          {error}
        </p>
      )}
      <table class="table sources-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Username</th>
            <th scope="col">Identity URL</th>
            <th scope="col">Poll interval</th>
            <th scope="col">Status</th>
            {canManage && (
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.id} data-source-id={s.id}>
              <td>{s.name}</td>
              <td>{s.config.username}</td>
              <td class="url">{s.config.identityUrl}</td>
              <td>{s.config.pollIntervalSec} s</td>
              <td>
                <StatusBadge status={liveStatus.get(s.id) ?? s.status} />
              </td>
              {canManage && (
                <td>
                  <button
                    type="button"
                    class="danger"
                    disabled={removing === s.id}
                    aria-label={`Remove ${s.name}`}
                    onClick={() => void remove(s)}
                  >
                    Remove
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
