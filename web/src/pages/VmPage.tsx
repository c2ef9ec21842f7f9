import { useEffect } from 'preact/hooks';
import { Crumbs } from '../components/Crumbs.js';
import { JobTable } from '../components/JobTable.js';
import { SnapshotAge } from '../components/SnapshotAge.js';
import { VmStateBadge } from '../components/VmTable.js';
import type { GridSlot, VmDetail } from '../gridTypes.js';
import { cloudPath, gridPath, gridsPath, vmPath } from '../gridView.js';
import { type LiveSnapshot, useStreamEvents } from '../live.js';
import { useFetch } from '../useFetch.js';
import { useGridSummary, useOnNewSnapshot } from '../useGridSummary.js';
import { useNow } from '../useNow.js';

export interface VmPageProps {
  grid: string;
  vmId: string;
  snap: LiveSnapshot;
}

function SlotTable({ slots }: { slots: readonly GridSlot[] }) {
  if (slots.length === 0) return <p class="empty">No HTCondor slots on this VM.</p>;
  return (
    <table class="table grid-table slot-table">
      <thead>
        <tr>
          <th scope="col">Slot</th>
          <th scope="col">State</th>
          <th scope="col">Activity</th>
          <th scope="col">VM type</th>
          <th scope="col" class="numeric">
            CPUs
          </th>
          <th scope="col" class="numeric">
            Memory
          </th>
        </tr>
      </thead>
      <tbody>
        {slots.map((s) => (
          <tr key={s.name} data-slot={s.name}>
            <td class="mono">{s.name}</td>
            <td>
              <span class={`badge slot-state slot-state-${s.state === 'Claimed' ? 'claimed' : 'other'}`}>
                {s.state}
              </span>
            </td>
            <td>{s.activity}</td>
            <td>{s.vmtype ?? <span class="muted">—</span>}</td>
            <td class="numeric">{s.cpus}</td>
            <td class="numeric">{s.memory.toLocaleString()} MiB</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One VM of a grid: its attributes and state, its slots, the jobs it runs and ran. */
export function VmPage({ grid, vmId, snap }: VmPageProps) {
  const { data, error, status, reload } = useFetch<VmDetail>(vmPath(grid, vmId));
  const { summary } = useGridSummary(grid, snap);
  const now = useNow(30_000);
  useOnNewSnapshot(summary?.collectedAt ?? null, reload);
  useStreamEvents((e) => {
    if (e.type === 'hello') reload();
  });
  useEffect(() => {
    document.title = `${data?.vm.hostname || vmId} — ${grid} — cmon`;
  }, [grid, vmId, data]);

  const vm = data?.vm;
  return (
    <div class={`vm-page${summary?.stale ? ' is-stale' : ''}`} data-testid="vm-page" data-vm-page={vmId}>
      <Crumbs
        items={[
          { label: 'Grids', href: gridsPath() },
          { label: grid, href: gridPath(grid) },
          ...(vm ? [{ label: vm.cloud, href: cloudPath(grid, vm.cloud) }] : []),
          { label: vm?.hostname || vmId },
        ]}
      />
      {error && (
        <p class="outcome outcome-error" role="alert">
          {status === 404 ? `The latest snapshot of ${grid} has no VM “${vmId}”.` : error}
        </p>
      )}
      {!data && !error && <p class="placeholder">Loading…</p>}
      {vm && data && (
        <>
          <header class="page-head">
            <h1>{vm.hostname || vm.id}</h1>
            <VmStateBadge state={vm.state} />
            {summary && (
              <SnapshotAge collectedAt={summary.collectedAt} stale={summary.stale} prefix="as of" />
            )}
          </header>
          <section class="panel" aria-labelledby="vm-attrs-h">
            <h2 id="vm-attrs-h">VM</h2>
            <dl class="attrs">
              <dt>ID</dt>
              <dd class="mono">{vm.id}</dd>
              <dt>Hostname</dt>
              <dd>{vm.hostname || <span class="muted">—</span>}</dd>
              <dt>State</dt>
              <dd>
                <VmStateBadge state={vm.state} />
              </dd>
              <dt>Status</dt>
              <dd>{vm.status}</dd>
              <dt>Override status</dt>
              <dd>{vm.overrideStatus ?? <span class="muted">—</span>}</dd>
              <dt>Cloud</dt>
              <dd>
                <a href={cloudPath(grid, vm.cloud)}>{vm.cloud}</a>
              </dd>
              <dt>VM type</dt>
              <dd>{vm.vmtype || <span class="muted">—</span>}</dd>
              <dt>User</dt>
              <dd>{vm.user || <span class="muted">—</span>}</dd>
            </dl>
          </section>
          <section class="panel" aria-labelledby="vm-slots-h">
            <h2 id="vm-slots-h">Slots</h2>
            <SlotTable slots={data.slots} />
          </section>
          <section class="panel" aria-labelledby="vm-current-h" data-testid="current-jobs">
            <h2 id="vm-current-h">Current jobs</h2>
            {data.currentJobs.length > 0 ? (
              <JobTable grid={grid} jobs={data.currentJobs} now={now} />
            ) : (
              <p class="empty">No job runs on this VM.</p>
            )}
          </section>
          <section class="panel" aria-labelledby="vm-last-h" data-testid="last-jobs">
            <h2 id="vm-last-h">Last jobs</h2>
            {data.lastJobs.length > 0 ? (
              <JobTable grid={grid} jobs={data.lastJobs} now={now} />
            ) : (
              <p class="empty">No finished job in the queue ran here last.</p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
