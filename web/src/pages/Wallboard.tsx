import { useAuth } from '../components/AuthProvider.js';
import { SourceSection } from '../components/SourceSection.js';
import { TimeTravel } from '../components/TimeTravel.js';
import { type LiveSnapshot, live } from '../live.js';
import type { Overview, OverviewSource } from '../types.js';
import { useBackToLive } from '../useBackToLive.js';
import { useKeptFetch } from '../useKeptFetch.js';

export interface WallboardProps {
  snap: LiveSnapshot;
  q: string;
  kiosk: boolean;
  /** Time travel: the board as it was at this moment (epoch ms); null for live. */
  at?: number | null;
}

/**
 * The board: live from the stream, or — with `at` — as it was then, fetched once per moment; the
 * stream stays connected meanwhile but does not touch the past board.
 */
export function Wallboard({ snap, q, kiosk, at = null }: WallboardProps) {
  const past = useKeptFetch<Overview>(at === null ? null : `/overview?at=${at}`);
  useBackToLive(at, () => live.refresh());
  const travel = !kiosk && <TimeTravel at={at} loading={past.loading} />;

  if (at !== null) {
    return (
      <>
        {travel}
        {past.error ? (
          <p class="outcome outcome-error" role="alert">
            {past.status === 404
              ? 'No data recorded for this moment.'
              : `The board could not be loaded: ${past.error}`}
          </p>
        ) : !past.data ? (
          <p class="placeholder">Loading the board as it was…</p>
        ) : (
          <Board sources={past.data.sources} q={q} kiosk={kiosk} past />
        )}
      </>
    );
  }

  const { state } = snap;
  if (!state.loaded) {
    return (
      <>
        {travel}
        <p class="placeholder">{snap.error ? 'The board could not be loaded yet.' : 'Loading the board…'}</p>
      </>
    );
  }
  return (
    <>
      {travel}
      <Board sources={state.sources} q={q} kiosk={kiosk} past={false} />
    </>
  );
}

function Board({
  sources,
  q,
  kiosk,
  past,
}: {
  sources: readonly OverviewSource[];
  q: string;
  kiosk: boolean;
  past: boolean;
}) {
  const { can } = useAuth();
  if (sources.length === 0) {
    return (
      <div class="placeholder">
        <p>{past ? 'No accounts at that moment.' : 'No accounts yet.'}</p>
        {!past && !kiosk && can('manage-sources') && (
          <p>
            <a href="/settings">Add a cloud account in Settings</a> to fill the board.
          </p>
        )}
      </div>
    );
  }
  return (
    <div class={`board${past ? ' is-past' : ''}`} data-past={past ? '1' : undefined}>
      {sources.map((s) => (
        <SourceSection key={s.id} source={s} q={q} kiosk={kiosk} />
      ))}
    </div>
  );
}
