import { type ListKeys, pageCount, pagePatch, rangeText } from '../gridView.js';
import { setQueryParams } from '../router.js';

export interface PagerProps {
  keys: ListKeys;
  page: number;
  limit: number;
  total: number;
  offset: number;
  count: number;
  /** What is counted, e.g. `VMs`. */
  noun: string;
}

/** `101–200 of 1,234 VMs` with previous/next; the page number lives in the URL. */
export function Pager({ keys, page, limit, total, offset, count, noun }: PagerProps) {
  const pages = pageCount(total, limit);
  const go = (p: number) => setQueryParams(pagePatch(keys, p), { push: true });
  return (
    <div class="pager">
      <span class="muted" data-testid="range">
        {rangeText(offset, count, total)} {noun}
      </span>
      {pages > 1 && (
        <span class="pager-buttons">
          <button type="button" disabled={page <= 1} onClick={() => go(page - 1)} data-testid="prev">
            ← Previous
          </button>
          <span class="muted">
            page {page} of {pages}
          </span>
          <button type="button" disabled={page >= pages} onClick={() => go(page + 1)} data-testid="next">
            Next →
          </button>
        </span>
      )}
    </div>
  );
}
