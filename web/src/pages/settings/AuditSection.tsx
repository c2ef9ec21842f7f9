import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, errorMessage, isAbortError } from '../../api.js';
import { appendPage, describeDetails } from '../../audit.js';
import { formatTime } from '../../format.js';
import type { AuditEntry, AuditPage } from '../../types.js';

const PAGE = 100;

export function AuditSection() {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [nextBefore, setNextBefore] = useState<AuditPage['nextBefore']>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ctl = useRef<AbortController | null>(null);

  /** `before` null: the newest page, replacing the list; otherwise the page below, appended. */
  const load = useCallback(async (before: AuditPage['nextBefore']) => {
    ctl.current?.abort();
    const c = new AbortController();
    ctl.current = c;
    setLoading(true);
    setError(null);
    const q = before === null ? '' : `&before=${encodeURIComponent(String(before))}`;
    try {
      const page = await api<AuditPage>(`/audit?limit=${PAGE}${q}`, { signal: c.signal });
      setEntries((have) =>
        before === null || have === null ? page.entries : appendPage(have, page.entries),
      );
      setNextBefore(page.nextBefore);
    } catch (err) {
      if (!isAbortError(err)) setError(errorMessage(err));
    } finally {
      if (ctl.current === c) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
    return () => ctl.current?.abort();
  }, [load]);

  return (
    <section class="panel" aria-labelledby="audit-title">
      <div class="panel-head">
        <h2 id="audit-title">Audit log</h2>
        <button type="button" disabled={loading} onClick={() => void load(null)}>
          Refresh
        </button>
      </div>
      {error && (
        <p class="outcome outcome-error" role="alert">
          Could not load the audit log: {error}
        </p>
      )}
      {entries === null ? (
        !error && <p class="placeholder">Loading…</p>
      ) : entries.length === 0 ? (
        <p class="empty">Nothing recorded yet.</p>
      ) : (
        <table class="table audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Target</th>
              <th scope="col">From</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-row" data-audit-id={e.id}>
                <td class="nowrap">
                  {Number.isFinite(e.at) ? (
                    <time dateTime={new Date(e.at).toISOString()}>{formatTime(e.at)}</time>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{e.actor}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td class="url">{e.target ?? '—'}</td>
                <td>{e.ip ?? '—'}</td>
                <td class="url">{describeDetails(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBefore !== null && entries !== null && (
        <div class="actions">
          <button type="button" disabled={loading} aria-busy={loading} onClick={() => void load(nextBefore)}>
            Load older
          </button>
        </div>
      )}
    </section>
  );
}
