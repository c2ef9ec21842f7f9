import { useEffect } from 'preact/hooks';
import { Crumbs } from '../components/Crumbs.js';
import { JobStatusBadge } from '../components/JobTable.js';
import { SnapshotAge } from '../components/SnapshotAge.js';
import { VmStateBadge } from '../components/VmTable.js';
import { When } from '../components/When.js';
import type { JobDetail } from '../gridTypes.js';
import { cloudPath, gridPath, gridsPath, jobPath, vmPath } from '../gridView.js';
import { type LiveSnapshot, useStreamEvents } from '../live.js';
import { useFetch } from '../useFetch.js';
import { useGridSummary, useOnNewSnapshot } from '../useGridSummary.js';
import { useNow } from '../useNow.js';

export interface JobPageProps {
  grid: string;
  jobId: string;
  snap: LiveSnapshot;
}

const dash = <span class="muted">—</span>;

/** One job of a grid: every attribute, its hold reason up front, where it runs or ran. */
export function JobPage({ grid, jobId, snap }: JobPageProps) {
  const { data, error, status, reload } = useFetch<JobDetail>(jobPath(grid, jobId));
  const { summary } = useGridSummary(grid, snap);
  const now = useNow(15_000);
  useOnNewSnapshot(summary?.collectedAt ?? null, reload);
  useStreamEvents((e) => {
    if (e.type === 'hello') reload();
  });
  useEffect(() => {
    document.title = `Job ${jobId} — ${grid} — cmon`;
  }, [grid, jobId]);

  const job = data?.job;
  const vm = data?.vm ?? null;
  const running = job?.remoteHost != null;
  return (
    <div class={`job-page${summary?.stale ? ' is-stale' : ''}`} data-testid="job-page" data-job-page={jobId}>
      <Crumbs
        items={[
          { label: 'Grids', href: gridsPath() },
          { label: grid, href: gridPath(grid) },
          ...(vm ? [{ label: vm.cloud, href: cloudPath(grid, vm.cloud) }] : []),
          { label: `Job ${jobId}` },
        ]}
      />
      {error && (
        <p class="outcome outcome-error" role="alert">
          {status === 404
            ? `The latest snapshot of ${grid} has no job ${jobId} (it may have left the queue).`
            : error}
        </p>
      )}
      {!data && !error && <p class="placeholder">Loading…</p>}
      {job && (
        <>
          <header class="page-head">
            <h1>Job {job.id}</h1>
            <JobStatusBadge status={job.status} />
            {summary && (
              <SnapshotAge collectedAt={summary.collectedAt} stale={summary.stale} prefix="as of" />
            )}
          </header>
          {job.holdReason && (
            <div
              class={`hold-reason${job.status === 'held' ? '' : ' is-past'}`}
              role="note"
              data-testid="hold-reason"
            >
              <strong>{job.status === 'held' ? 'Held: ' : 'Last hold reason: '}</strong>
              <span class="hold-text">{job.holdReason}</span>
            </div>
          )}
          <section class="panel" aria-labelledby="job-attrs-h">
            <h2 id="job-attrs-h">Job</h2>
            <dl class="attrs">
              <dt>ID</dt>
              <dd class="mono">{job.id}</dd>
              <dt>Owner</dt>
              <dd>{job.owner}</dd>
              <dt>Status</dt>
              <dd>
                <JobStatusBadge status={job.status} />
                {job.summaryStatus !== job.status && (
                  <span class="muted"> (counted as {job.summaryStatus})</span>
                )}
              </dd>
              <dt>Status since</dt>
              <dd>
                <When ms={job.statusTime} now={now} />
              </dd>
              <dt>Queued</dt>
              <dd>
                <When ms={job.queueDate} now={now} />
              </dd>
              <dt>VM type</dt>
              <dd>{job.vmtype ?? dash}</dd>
              <dt>Accounting group</dt>
              <dd>{job.accountingGroup ?? dash}</dd>
              <dt>Remote host</dt>
              <dd class={job.remoteHost ? 'mono' : undefined}>{job.remoteHost ?? dash}</dd>
              <dt>Last remote host</dt>
              <dd class={job.lastRemoteHost ? 'mono' : undefined}>{job.lastRemoteHost ?? dash}</dd>
              <dt>Hold reason</dt>
              <dd class="status-text">{job.holdReason ?? dash}</dd>
            </dl>
          </section>
          <section class="panel" aria-labelledby="job-where-h" data-testid="job-where">
            <h2 id="job-where-h">{running ? 'Runs on' : 'Ran on'}</h2>
            {vm ? (
              <p class="where">
                <a href={vmPath(grid, vm.id)} data-testid="job-vm-link">
                  {vm.hostname || vm.id}
                </a>{' '}
                <VmStateBadge state={vm.state} /> on cloud <a href={cloudPath(grid, vm.cloud)}>{vm.cloud}</a>
                <span class="muted"> · {vm.vmtype}</span>
              </p>
            ) : (
              <p class="empty">
                {job.remoteHost || job.lastRemoteHost
                  ? `${job.remoteHost ?? job.lastRemoteHost} is not a VM in the latest snapshot.`
                  : 'This job has not run yet.'}
              </p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
