import type { CloudSummary } from '../gridTypes.js';
import { JOB_COLUMNS, vmStateColumns, vmTypeColumns } from '../gridView.js';
import {
  idleVmsSeries,
  jobsSeries,
  quotaSeries,
  slotsSeries,
  vmsByTypeSeries,
  vmsSeries,
} from '../series.js';
import { SeriesLink } from './SeriesLink.js';

interface Stat {
  label: string;
  selector: string;
  value: number;
  bad?: boolean;
}

function StatGroup({ title, stats, testid }: { title: string; stats: Stat[]; testid?: string }) {
  return (
    <section class="stat-group" aria-label={title} data-testid={testid}>
      <h3>{title}</h3>
      <dl class="stats">
        {stats.map((s) => (
          <div key={s.selector} class={`stat${s.bad ? ' is-bad' : ''}`}>
            <dt>{s.label}</dt>
            <dd>
              <SeriesLink selector={s.selector} value={s.value} title={`${s.label} (${title})`} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** One cloud's numbers from the grid summary, each a link to its history. */
export function CloudNumbers({ grid, cloud }: { grid: string; cloud: CloudSummary }) {
  const c = cloud.name;
  const vms: Stat[] = vmStateColumns([cloud.vms]).map((s) => ({
    label: s,
    selector: vmsSeries(grid, c, s),
    value: cloud.vms[s] ?? 0,
    bad: s === 'error' && (cloud.vms[s] ?? 0) > 0,
  }));
  vms.push({ label: 'total', selector: vmsSeries(grid, c, 'total'), value: cloud.vms.total });
  if (cloud.quota !== null) vms.push({ label: 'quota', selector: quotaSeries(grid, c), value: cloud.quota });
  vms.push({ label: 'idle', selector: idleVmsSeries(grid, c), value: cloud.idleVms });
  const slots: Stat[] = (['claimed', 'unclaimed', 'total'] as const).map((s) => ({
    label: s,
    selector: slotsSeries(grid, c, s),
    value: cloud.slots[s],
  }));
  const jobs: Stat[] = JOB_COLUMNS.map((s) => ({
    label: s,
    selector: jobsSeries(grid, c, s),
    value: cloud.jobs[s],
    bad: s === 'held' && cloud.jobs.held > 0,
  }));
  jobs.push({ label: 'total', selector: jobsSeries(grid, c, 'total'), value: cloud.jobs.total });
  const types: Stat[] = vmTypeColumns([cloud.vmTypes]).map((t) => ({
    label: t === '' ? '(none)' : t,
    selector: vmsByTypeSeries(grid, c, t),
    value: cloud.vmTypes?.[t] ?? 0,
  }));
  return (
    <div class="stat-groups" data-testid="cloud-numbers">
      <StatGroup title="VMs" stats={vms} />
      {types.length > 0 && <StatGroup title="VMs by type" stats={types} testid="cloud-vm-types" />}
      <StatGroup title="Slots" stats={slots} />
      <StatGroup title="Jobs" stats={jobs} />
    </div>
  );
}
