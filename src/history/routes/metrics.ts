import type { App } from '../../server/types.js';
import { seriesOf } from '../../sources/grid/summary.js';
import { formatSeries } from '../labels.js';

function line(name: string, labels: Record<string, string>, value: number): string {
  return `${formatSeries(name, labels)} ${value}`;
}

/** `GET /metrics`: the current value of every number cmon shows, in Prometheus text format. */
export function metricsRoute(app: App): void {
  app.get(
    '/metrics',
    {
      config: { access: 'read' },
      schema: { tags: ['history'], summary: 'Current values in Prometheus exposition format' },
    },
    async (_req, reply) => {
      const { state, grids } = app.cmon;
      const out: string[] = [
        '# HELP cmon_alarms Alarms of a cloud account by state.',
        '# TYPE cmon_alarms gauge',
      ];
      for (const s of state.summaries().filter((x) => x.type === 'rackspace')) {
        const totals = state.totals(s.id);
        if (!totals) continue;
        for (const [st, n] of Object.entries(totals) as [string, number][])
          out.push(line('cmon_alarms', { source: s.name, source_id: s.id, state: st }, n));
      }
      out.push(
        '# HELP cmon_server_alarms Alarms of one server of a cloud account by state.',
        '# TYPE cmon_server_alarms gauge',
      );
      for (const s of state.summaries().filter((x) => x.type === 'rackspace'))
        for (const e of state.overviewEntities(s.id))
          for (const [st, n] of Object.entries(e.counts) as [string, number][])
            out.push(
              line(
                'cmon_server_alarms',
                { source_id: s.id, server: e.id, server_name: e.label, state: st },
                n,
              ),
            );
      out.push(
        '# HELP cmon_source_up 1 when the source was read successfully at its last try.',
        '# TYPE cmon_source_up gauge',
      );
      for (const s of state.summaries())
        out.push(
          line('cmon_source_up', { source: s.name, source_id: s.id }, s.status.state === 'ok' ? 1 : 0),
        );
      const gridLines = new Map<string, string[]>();
      for (const name of grids.names()) {
        const summary = grids.summary(name);
        if (!summary) continue;
        for (const series of seriesOf(summary)) {
          const list = gridLines.get(series.name) ?? [];
          list.push(line(series.name, series.labels, series.value));
          gridLines.set(series.name, list);
        }
      }
      for (const [name, lines] of gridLines) out.push(`# TYPE ${name} gauge`, ...lines);
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(`${out.join('\n')}\n`);
    },
  );
}
