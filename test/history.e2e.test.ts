import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/server/types.js';
import { RackspaceSim } from '../src/sim/rackspace/sim.js';
import { baseSnapshot } from '../src/sources/grid/fixtures.js';
import { type GridSummary, summarize } from '../src/sources/grid/summary.js';
import { ADMIN, adminFetch, makeTestApp, waitFor } from './helpers/app.js';

let app: App;
let base: string;
beforeAll(async () => {
  ({ app } = await makeTestApp());
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => app.close());

const json = async (path: string) => (await adminFetch(`${base}${path}`)).json();

describe('history in the running server', () => {
  it('records every grid number at each snapshot and answers a query for it', async () => {
    const t0 = Date.UTC(2026, 0, 1);
    const summaries = [];
    for (const [i, held] of [3, 5, 4].entries()) {
      const snap = baseSnapshot({ grid: 'hg', snapshotId: randomUUID(), collectedAt: t0 + i * 60_000 });
      snap.jobs = snap.jobs.map((j, k) => (k < held ? { ...j, status: 'held' as const } : j));
      summaries.push(summarize(snap, snap.collectedAt, 3_600_000));
      const res = await adminFetch(`${base}/api/v1/ingest/grid`, {
        method: 'POST',
        body: JSON.stringify(snap),
      });
      expect(res.status).toBe(202);
    }
    await app.cmon.history.flush();
    const series = await json(
      `/api/v1/series?match=${encodeURIComponent('cmon_grid_jobs{grid="hg",status="held"}')}`,
    );
    expect(series.series.length).toBeGreaterThan(0);
    const sel = encodeURIComponent('cmon_grid_jobs{grid="hg",status="held",cloud=""}');
    const q = await json(`/api/v1/series/query?match=${sel}&from=${t0}&to=${t0 + 180_000}&points=3`);
    expect(q.series).toHaveLength(1);
    const held = (await json('/api/v1/grids/hg')).jobs.held;
    expect(q.series[0].last).toEqual([expect.any(Number), expect.any(Number), held]);
    expect(q.series[0].t).toEqual([t0, t0 + 60_000, t0 + 120_000]);

    // Time travel: the grid as it was just after the second snapshot, rebuilt from its series.
    const past = await json(`/api/v1/grids/hg?at=${t0 + 90_000}`);
    const second = summaries[1] as GridSummary;
    expect(past.jobs).toEqual(second.jobs);
    expect(past.vms).toEqual(second.vms);
    expect(past.jobsByOwner).toEqual(second.jobsByOwner);
    expect(past.clouds.map((c: { name: string }) => c.name)).toEqual(second.clouds.map((c) => c.name).sort());
    expect(past.clouds.find((c: { name: string }) => c.name === second.clouds[0]?.name)).toEqual(
      second.clouds[0],
    );
    expect((await adminFetch(`${base}/api/v1/grids/hg?at=${t0 - 3_600_000}`)).status).toBe(404);
  });

  it('imports Prometheus text and exports it back; a bad line commits nothing', async () => {
    const body = 'imported_metric{host="a"} 1 1700000000000\nimported_metric{host="a"} 2 1700000060000\n';
    const ok = await fetch(`${base}/api/v1/import`, {
      method: 'POST',
      headers: { ...ADMIN, 'content-type': 'text/plain' },
      body,
    });
    expect(ok.status, await ok.clone().text()).toBeLessThan(300);
    const bad = await fetch(`${base}/api/v1/import`, {
      method: 'POST',
      headers: { ...ADMIN, 'content-type': 'text/plain' },
      body: 'other_metric 1 1700000000000\nthis is not a sample\n',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/line 2/);
    expect((await json(`/api/v1/series?match=${encodeURIComponent('other_metric')}`)).series).toEqual([]);
    const exported = await (
      await adminFetch(
        `${base}/api/v1/export?match=${encodeURIComponent('imported_metric')}&from=1699999999000&to=1700000100000&format=prometheus`,
      )
    ).text();
    expect(exported.trim().split('\n')).toEqual([
      'imported_metric{host="a"} 1 1700000000000',
      'imported_metric{host="a"} 2 1700000060000',
    ]);
  });

  it("records an account's alarm counts at each poll, exports current values at /metrics, and keeps a server's timeline", async () => {
    const sim = new RackspaceSim({ accounts: 1, servers: 5, seed: 5 });
    await sim.start();
    try {
      const a = sim.accounts()[0];
      const res = await adminFetch(`${base}/api/v1/sources`, {
        method: 'POST',
        body: JSON.stringify({
          type: 'rackspace',
          name: 'hist',
          config: {
            username: a?.username,
            apiKey: a?.apiKey,
            identityUrl: sim.identityUrl,
            pollIntervalSec: 1,
          },
        }),
      });
      const { id } = await res.json();
      const createdAt = Date.now();
      await waitFor(
        'polled',
        async () =>
          (await json('/api/v1/overview')).sources.find((s: { id: string }) => s.id === id)?.status.state ===
          'ok',
      );
      const metrics = await (await adminFetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(
        new RegExp(`cmon_alarms\\{source="hist",source_id="${id}",state="total"\\} \\d+`),
      );
      expect(metrics).toContain('cmon_grid_jobs{grid="hg"');
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      await app.cmon.history.flush();
      const series = await json(
        `/api/v1/series?match=${encodeURIComponent(`cmon_alarms{source_id="${id}"}`)}`,
      );
      expect(series.series.map((s: { labels: { state: string } }) => s.labels.state).sort()).toEqual([
        'critical',
        'ok',
        'total',
        'unknown',
        'warning',
      ]);

      const entity = sim.truth(a?.tenantId as string).find((e) => e.alarms.length > 0);
      const alarm = entity?.alarms[0];
      if (!entity || !alarm) throw new Error('no alarm');
      sim.setAlarmState(
        a?.tenantId as string,
        entity.id,
        alarm.id,
        alarm.state === 'CRITICAL' ? 'OK' : 'CRITICAL',
        'timeline',
      );
      const timeline = await waitFor('transition logged', async () => {
        const t = await json(`/api/v1/sources/${id}/entities/${entity.id}/timeline?from=0`);
        return t.transitions.filter((x: { alarmId: string }) => x.alarmId === alarm.id).length >= 2 && t;
      });
      const mine = timeline.transitions.filter((x: { alarmId: string }) => x.alarmId === alarm.id);
      expect(mine[0].from).toBeNull();
      // Time travel: the board just before the change shows the old state, now the new one.
      const changedAt = mine[mine.length - 1].at as number;
      const countsAt = async (at: number) =>
        (await json(`/api/v1/overview?at=${at}`)).sources
          .find((s: { id: string }) => s.id === id)
          .entities.find((e: { id: string }) => e.id === entity.id).counts;
      const before = await countsAt(changedAt - 1);
      const after = await countsAt(changedAt);
      expect(after.critical - before.critical).toBe(alarm.state === 'CRITICAL' ? -1 : 1);
      const now = (await json('/api/v1/overview')).sources
        .find((s: { id: string }) => s.id === id)
        .entities.find((e: { id: string }) => e.id === entity.id).counts;
      expect(after).toEqual(now);
      // The account's status in the past is what its polls said then, not today's.
      const statusAt = async (at: number) =>
        (await json(`/api/v1/overview?at=${at}`)).sources.find((s: { id: string }) => s.id === id).status;
      expect(await statusAt(changedAt)).toMatchObject({ state: 'ok', lastErrorAt: null });
      expect(await statusAt(createdAt - 1)).toMatchObject({ state: 'pending', lastSuccessAt: null });
      expect(await statusAt(Date.now() + 3_600_000)).toMatchObject({ state: 'stale' });
      // The server's own series: its count before the change, and the new one from the next poll on.
      const sel = `cmon_server_alarms{source_id="${id}",server="${entity.id}",state="critical"}`;
      const samples = await waitFor('server series past the change', async () => {
        await app.cmon.history.flush();
        const text = await (
          await adminFetch(
            `${base}/api/v1/export?match=${encodeURIComponent(sel)}&from=0&to=${Date.now() + 60_000}&format=prometheus`,
          )
        ).text();
        const rows = text
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(' ').slice(-2).map(Number) as [number, number]);
        return rows.some(([, t]) => t > changedAt) && rows;
      });
      expect(samples.filter(([, t]) => t < changedAt).every(([v]) => v === before.critical)).toBe(true);
      expect(samples.filter(([, t]) => t < changedAt).length).toBeGreaterThan(0);
      expect(samples.at(-1)?.[0]).toBe(after.critical);
      expect(metrics).toMatch(
        new RegExp(
          `cmon_server_alarms\\{source_id="${id}",server="${entity.id}",server_name="[^"]+",state="total"\\} \\d+`,
        ),
      );
      expect(mine[mine.length - 1].to).toBe(alarm.state === 'CRITICAL' ? 'OK' : 'CRITICAL');
    } finally {
      await sim.stop();
    }
  });
});
