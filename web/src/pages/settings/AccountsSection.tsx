import { useMemo } from 'preact/hooks';
import { AddSourceForm } from '../../components/AddSourceForm.js';
import { useAuth } from '../../components/AuthProvider.js';
import { SourceList } from '../../components/SourceList.js';
import { type LiveSnapshot, useStreamEvents } from '../../live.js';
import type { SourceStatus, SourceView } from '../../types.js';
import { useFetch } from '../../useFetch.js';

export function AccountsSection({ snap }: { snap: LiveSnapshot }) {
  const { can } = useAuth();
  const manage = can('manage-sources');
  const { data, error, reload } = useFetch<{ sources: SourceView[] }>('/sources');

  // Another browser may add or remove accounts; the stream tells us, the list follows.
  useStreamEvents((e) => {
    if (e.type === 'hello' || e.type === 'source-removed') reload();
    else if (e.type === 'source' && data && !data.sources.some((s) => s.id === e.data.id)) reload();
  });

  const liveStatus = useMemo(() => {
    const m = new Map<string, SourceStatus>();
    for (const s of snap.state.sources) m.set(s.id, s.status);
    return m;
  }, [snap.state.sources]);

  return (
    <>
      <section class="panel" aria-labelledby="accounts-title">
        <h2 id="accounts-title">Cloud accounts</h2>
        {error && (
          <p class="outcome outcome-error" role="alert">
            Could not load the accounts: {error}
          </p>
        )}
        {data ? (
          <SourceList sources={data.sources} liveStatus={liveStatus} canManage={manage} onRemoved={reload} />
        ) : (
          !error && <p class="placeholder">Loading…</p>
        )}
      </section>
      {manage && (
        <section class="panel">
          <AddSourceForm onAdded={reload} />
        </section>
      )}
    </>
  );
}
