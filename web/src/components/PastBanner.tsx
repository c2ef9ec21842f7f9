import { pastBannerText, withAt } from '../timeTravel.js';
import { useNow } from '../useNow.js';

export interface PastBannerProps {
  at: number;
  /** The current page's path and query (kiosk included): the link goes there without `at`. */
  here: string;
}

/** Shown only while viewing the past: when, how long ago, and the way back to live. */
export function PastBanner({ at, here }: PastBannerProps) {
  const now = useNow(30_000);
  return (
    <div class="banner banner-past" role="status" data-testid="past-banner">
      {pastBannerText(at, now)} —{' '}
      <a href={withAt(here, null)} data-testid="back-to-live">
        back to live
      </a>
    </div>
  );
}
