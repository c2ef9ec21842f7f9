import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/server/types.js';
import { baseSnapshot } from '../src/sources/grid/fixtures.js';
import { adminFetch, makeTestApp, TEST_ADMIN_PASSWORD } from './helpers/app.js';
import { launchChromium } from './helpers/browser.js';
import { login } from './helpers/principals.js';

let app: App;
let base: string;
let browser: Browser;
let context: BrowserContext;
const TOTAL = 'cmon_grid_jobs{grid="pg",cloud="",status="held"}';

interface Answer {
  series: {
    name: string;
    labels: Record<string, string>;
    t: number[];
    min: (number | null)[];
    max: (number | null)[];
    avg: (number | null)[];
    last: (number | null)[];
  }[];
}

beforeAll(async () => {
  ({ app } = await makeTestApp());
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  // Twenty snapshots a minute apart ending now, with a held count that moves.
  const now = Date.now();
  for (let i = 0; i < 20; i++) {
    const snap = baseSnapshot({ grid: 'pg', snapshotId: randomUUID(), collectedAt: now - (19 - i) * 60_000 });
    const held = (i * 7) % 5;
    snap.jobs = snap.jobs.map((j, k) =>
      k < held ? { ...j, status: 'held' as const } : { ...j, status: 'running' as const },
    );
    expect(
      (await adminFetch(`${base}/api/v1/ingest/grid`, { method: 'POST', body: JSON.stringify(snap) })).status,
    ).toBe(202);
  }
  await app.cmon.history.flush();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });
  const admin = await login(base, 'admin', TEST_ADMIN_PASSWORD);
  const [name, value] = (admin.headers.cookie as string).split('=');
  await context.addCookies([{ name: name as string, value: value as string, url: base }]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

async function shownWindow(page: Page): Promise<{ from: number; to: number; points: number }> {
  await page.waitForSelector('[data-testid="plot"][aria-busy="false"]');
  const w = page.locator('[data-testid="plot-window"]');
  return {
    from: Number(await w.getAttribute('data-from')),
    to: Number(await w.getAttribute('data-to')),
    points: Number(await w.getAttribute('data-points')),
  };
}

async function apiAnswer(w: { from: number; to: number; points: number }): Promise<Answer> {
  const q = `match=${encodeURIComponent(TOTAL)}&from=${w.from}&to=${w.to}&points=${w.points}`;
  return (await (await adminFetch(`${base}/api/v1/series/query?${q}`)).json()) as Answer;
}

describe('the plot behind a number', () => {
  it('opens from a number, shows the API points, changes window, zooms, and exports the same CSV', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/grids/pg`);
    await page.locator(`a[data-series='${TOTAL}']`).first().click();
    await page.waitForSelector('[data-testid="plot"] canvas');
    await page.locator('[data-testid="plot-preset"][data-range="1h"]').click();
    const hour = await shownWindow(page);
    expect(hour.to - hour.from).toBe(3_600_000);

    // The export is what the API answers for the window shown.
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="export-csv"]').click();
    const csv = readFileSync((await (await download).path()) as string, 'utf8')
      .trim()
      .split(/\r?\n/);
    const answer = await apiAnswer(hour);
    const [series] = answer.series;
    if (!series) throw new Error('no series answered');
    expect(csv[0]).toBe('series,t,min,max,avg,last');
    const rows = csv.slice(1).map((l) => l.split(',').slice(-5));
    const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
    expect(rows).toEqual(
      series.t.map((t, i) => [
        String(t),
        cell(series.min[i]),
        cell(series.max[i]),
        cell(series.avg[i]),
        cell(series.last[i]),
      ]),
    );
    expect(series.last.filter((v) => v !== null).length).toBeGreaterThanOrEqual(19);

    // Drag to zoom: a narrower window, asked of the server again.
    const over = page.locator('[data-testid="plot"] .u-over');
    const box = await over.boundingBox();
    if (!box) throw new Error('no plot area');
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(
      (from) =>
        Number(document.querySelector('[data-testid="plot-window"]')?.getAttribute('data-from')) > from,
      hour.from,
    );
    const zoomed = await shownWindow(page);
    expect(zoomed.to - zoomed.from).toBeLessThan(hour.to - hour.from);
    expect(zoomed.from).toBeGreaterThan(hour.from);

    // A second series in the same plot, kept in the expanded page's address, and taken out again.
    const RUNNING = 'cmon_grid_jobs{grid="pg",cloud="",status="running"}';
    const legendRows = page.locator('[data-testid="plot-legend"] tbody tr');
    expect(await legendRows.count()).toBe(1);
    await page.fill('[data-testid="plot-series"] input[name="match"]', RUNNING);
    await page.click('[data-testid="plot-add"]');
    await legendRows.nth(1).waitFor();
    expect(await legendRows.count()).toBe(2);
    expect(await page.locator('[data-testid="plot-legend"]').textContent()).toContain('status="running"');
    const expand = new URL((await page.getAttribute('[data-testid="plot-expand"]', 'href')) ?? '', base);
    expect(expand.searchParams.getAll('match')).toEqual([TOTAL, RUNNING]);
    await page.click(`[aria-label='Remove ${RUNNING}']`);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="plot-legend"] tbody tr').length === 1,
    );

    // The keyboard stays in the dialog, either way round, and Escape hands focus back to the number.
    const inDialog = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return (
          !!active &&
          active !== document.body &&
          !!document.querySelector('[data-testid="plot-modal"]')?.contains(active)
        );
      });
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(await inDialog()).toBe(true);
    }
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inDialog()).toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="plot-modal"]', { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-series'))).toBe(TOTAL);
    await page.close();
  });
});
