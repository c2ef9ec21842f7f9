import { formatTime, statusText } from '../format.js';
import type { SourceStatus } from '../types.js';

function statusTitle(s: SourceStatus): string | undefined {
  const parts: string[] = [];
  if (s.lastSuccessAt !== null) parts.push(`last success ${formatTime(s.lastSuccessAt)}`);
  if (s.lastErrorAt !== null) parts.push(`last error ${formatTime(s.lastErrorAt)}`);
  if (s.state === 'stale' && s.message) parts.push(s.message);
  return parts.length ? parts.join(' · ') : undefined;
}

export function StatusBadge({ status }: { status: SourceStatus }) {
  return (
    <span class={`badge status-${status.state}`} title={statusTitle(status)} data-status={status.state}>
      {statusText(status)}
    </span>
  );
}
