import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCollect } from '../src/collector/cli.js';
import type { App } from '../src/server/types.js';
import { collectorArgs, type InitializedGrid, initGrid } from '../src/sim/grid/index.js';
import { compiledLauncher } from '../src/sim/grid/testing.js';
import type { GridSummary } from '../src/sources/grid/summary.js';
import { packageRoot } from '../src/util/package-root.js';
import { makeTestApp, TEST_ADMIN_PASSWORD } from './helpers/app.js';
import { launchChromium } from './helpers/browser.js';
import { createToken, login } from './helpers/principals.js';

let app: App;
let base: string;
let browser: Browser;
let context: BrowserContext;
let g: InitializedGrid;
let truth: GridSummary;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  g = initGrid(
    mkdtempSync(join(tmpdir(), 'cmon-grid-ui-')),
    { seed: 21, vms: 24, jobs: 240, clouds: 3 },
    compiledLauncher(),
  );
  const token = await createToken(base, 'collector', ['ingest:ui']);
  const quiet = () => undefined;
  const code = await runCollect(collectorArgs(g, 'ui', ['--server', base, '--token', token.secret]), {
    stdout: quiet,
    stderr: quiet,
  });
  expect(code).toBe(0);
  truth = g.sim.truth('ui');
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const admin = await login(base, 'admin', TEST_ADMIN_PASSWORD);
  const [name, value] = (admin.headers.cookie as string).split('=');
  await context.addCookies([{ name: name as string, value: value as string, url: base }]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

describe('grid pages in Chromium', () => {
  it('shows the simulated numbers, each one a link to its plot, and clicks through cloud → VM → job', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/grids/ui`);
    await page.waitForSelector('[data-grid="ui"] [data-cloud]');
    for (const cloud of truth.clouds) {
      const row = page.locator(`[data-cloud="${cloud.name}"]`);
      const held = row.locator(`[data-series*='status="held"']`).first();
      expect((await held.textContent())?.trim()).toBe(String(cloud.jobs.held));
      const running = row.locator(`[data-series^="cmon_grid_vms"][data-series*='status="running"']`).first();
      expect((await running.textContent())?.trim()).toBe(String(cloud.vms.running ?? 0));
    }
    const totalJobs = page
      .locator(`[data-series='cmon_grid_jobs{grid="ui",cloud="",status="total"}']`)
      .first();
    expect((await totalJobs.textContent())?.trim()).toBe(String(truth.jobs.total));
    expect(await totalJobs.getAttribute('href')).toContain('/plot?match=');
    await page.screenshot({ path: join(packageRoot(), 'docs', 'grid.png') });

    const busy = [...truth.clouds].sort((a, b) => b.vms.total - a.vms.total)[0];
    await page.locator(`[data-cloud="${busy?.name}"] a[href*="/clouds/"]`).first().click();
    await page.waitForSelector('[data-vm-id]');
    const vmRows = await page.locator('[data-vm-id]').count();
    expect(vmRows).toBe(Math.min(100, busy?.vms.total ?? 0));
    await page.locator('[data-vm-id] a').first().click();
    await page.waitForSelector('[data-testid="vm-page"]');
    const jobLink = page.locator('[data-testid="vm-page"] [data-job-id] a').first();
    if ((await jobLink.count()) > 0) {
      await jobLink.click();
    } else {
      await page.goto(
        `${base}/grids/ui/jobs/${(await (await fetch(`${base}/api/v1/grids/ui/jobs?limit=1`, { headers: { authorization: 'Bearer test-admin-token-0123456789abcdef' } })).json()).items[0].id}`,
      );
    }
    await page.waitForSelector('[data-testid="job-page"]');
    expect(await page.textContent('[data-testid="job-page"]')).toMatch(/\d+\.\d+/);
    await page.close();
  });
});
