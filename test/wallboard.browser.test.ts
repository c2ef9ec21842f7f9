import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAlarms } from '../src/model.js';
import type { App } from '../src/server/types.js';
import { RackspaceSim } from '../src/sim/rackspace/sim.js';
import { packageRoot } from '../src/util/package-root.js';
import { adminFetch, makeTestApp, TEST_ADMIN_PASSWORD, waitFor } from './helpers/app.js';
import { launchChromium } from './helpers/browser.js';
import { createUser } from './helpers/principals.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

let sim: RackspaceSim;
let app: App;
let base: string;
let browser: Browser;
/** A browser context signed in as the admin through the login page. */
let signedIn: BrowserContext;
const tenantBySource = new Map<string, string>();

async function addSource(name: string, username: string, apiKey: string): Promise<string> {
  const res = await adminFetch(`${base}/api/v1/sources`, {
    method: 'POST',
    body: JSON.stringify({
      type: 'rackspace',
      name,
      config: { username, apiKey, identityUrl: sim.identityUrl, pollIntervalSec: 1 },
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Every circle on the page: its entity id and the `OK/total` text it shows. */
async function circles(page: Page): Promise<Map<string, string>> {
  const pairs = await page.$$eval('[data-entity-id]', (els) =>
    els.map((el) => [el.getAttribute('data-entity-id') ?? '', (el.textContent ?? '').trim()] as const),
  );
  return new Map(pairs);
}

beforeAll(async () => {
  sim = new RackspaceSim({ accounts: 4, servers: 24, seed: 11 });
  await sim.start();
  ({ app } = await makeTestApp());
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  for (const a of sim.accounts())
    tenantBySource.set(await addSource(a.name, a.username, a.apiKey), a.tenantId);
  browser = await launchChromium();
  signedIn = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await signIn(signedIn, 'admin', TEST_ADMIN_PASSWORD);
});

async function signIn(context: BrowserContext, username: string, password: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.waitForURL('**/login**');
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button:has-text("Sign in")');
  await page.waitForSelector('[data-testid="user-menu"]');
  await page.close();
}

afterAll(async () => {
  await signedIn?.close();
  await browser?.close();
  await app?.close();
  await sim?.stop();
});

function expectedCircles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const tenant of tenantBySource.values()) {
    for (const e of sim.truth(tenant)) {
      const c = countAlarms(e.alarms);
      out.set(e.id, `${c.ok}/${c.total}`);
    }
  }
  return out;
}

describe('wallboard in Chromium', () => {
  it("shows every server's OK/total as the simulator has it, and updates live without a reload", async () => {
    const page = await signedIn.newPage();
    await page.goto(`${base}/`);
    const expected = expectedCircles();
    await waitFor('all circles', async () => (await circles(page)).size === expected.size, 15_000);
    const shown = await circles(page);
    for (const [id, text] of expected) expect(shown.get(id), id).toContain(text);

    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    const [sourceId, tenant] = [...tenantBySource.entries()][0] as [string, string];
    const target = sim.truth(tenant).find((e) => e.alarms.some((a) => a.state === 'OK'));
    const alarm = target?.alarms.find((a) => a.state === 'OK');
    if (!target || !alarm) throw new Error('the seeded simulator has no OK alarm');
    const before = countAlarms(target.alarms);
    sim.setAlarmState(tenant, target.id, alarm.id, 'CRITICAL', 'Connection refused');
    const changedAt = Date.now();
    const want = `${before.ok - 1}/${before.total}`;
    await page.waitForFunction(
      ([id, text]) =>
        document.querySelector(`[data-entity-id="${id}"]`)?.textContent?.includes(text as string),
      [target.id, want],
      { timeout: 3_000 },
    );
    const elapsed = Date.now() - changedAt;
    expect(elapsed).toBeLessThan(3_000);
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
    expect(sourceId).toBeTruthy();

    mkdirSync(join(packageRoot(), 'docs'), { recursive: true });
    await page.screenshot({ path: join(packageRoot(), 'docs', 'wallboard.png') });
    await page.close();
  });

  it('shows labels from outside as text and runs none of them', async () => {
    const a = sim.accounts()[0];
    if (!a) throw new Error('no account');
    const id = await addSource(HOSTILE, a.username, a.apiKey);
    const page = await signedIn.newPage();
    await page.goto(`${base}/`);
    await page.waitForSelector(`[data-source-id="${id}"] [data-entity-id]`);
    const text = await page.textContent(`[data-source-id="${id}"]`);
    expect(text).toContain(HOSTILE);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$('img[src="x"]')).toBeNull();
    expect(await page.$('#app script')).toBeNull();
    await page.goto(`${base}/settings`);
    await page.getByText(HOSTILE).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
    expect((await adminFetch(`${base}/api/v1/sources/${id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('filters circles by label', async () => {
    const page = await signedIn.newPage();
    await page.goto(`${base}/`);
    const all = expectedCircles().size;
    await waitFor('circles', async () => (await circles(page)).size === all);
    const [tenant] = [...tenantBySource.values()];
    const label = sim.truth(tenant as string)[0]?.label as string;
    await page.fill('[data-testid="filter"]', label);
    await waitFor('filtered', async () => (await circles(page)).size < all);
    const labels = new Map(
      [...tenantBySource.values()].flatMap((t) =>
        sim.truth(t).map((e) => [e.id, e.label.toLowerCase()] as const),
      ),
    );
    const left = [...(await circles(page)).keys()];
    expect(left.length).toBeGreaterThan(0);
    for (const id of left) expect(labels.get(id)).toContain(label.toLowerCase());
    expect(new URL(page.url()).searchParams.get('q')).toBe(label);
    await page.close();
  });

  it('opens a server page with its alarms', async () => {
    const page = await signedIn.newPage();
    const [sourceId, tenant] = [...tenantBySource.entries()][1] as [string, string];
    const entity = sim.truth(tenant).find((e) => e.alarms.length >= 2);
    if (!entity) throw new Error('no server with two alarms');
    await page.goto(`${base}/`);
    await page.click(`[data-entity-id="${entity.id}"]`);
    await page.waitForURL(`**/sources/${sourceId}/entities/${entity.id}`);
    await page.waitForSelector(`text=${entity.label}`);
    const body = (await page.textContent('body')) ?? '';
    for (const a of entity.alarms) {
      expect(body).toContain(a.label);
      expect(body).toContain(a.state);
      if (a.status) expect(body).toContain(a.status);
    }
    // Each count is a link to that server's own history.
    const total = `cmon_server_alarms{source_id="${sourceId}",server="${entity.id}",state="total"}`;
    const link = page.locator(`a[data-series='${total}']`);
    expect(await link.textContent()).toBe(String(entity.alarms.length));
    await link.click();
    await page.waitForSelector('[data-testid="plot"] canvas');
    const row = page.locator('[data-testid="plot-legend"] tbody tr', { hasText: entity.id });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.locator('td').nth(3).textContent()).toBe(String(entity.alarms.length));
    await page.close();
  });

  it('adds, tests and removes an account on the settings page', async () => {
    const page = await signedIn.newPage();
    await page.goto(`${base}/settings`);
    const extra = sim.accounts()[0];
    if (!extra) throw new Error('no account');
    await page.fill('input[name="name"]', 'Added from settings');
    await page.fill('input[name="username"]', extra.username);
    await page.fill('input[name="secret"]', 'wrong-key');
    await page.fill('input[name="identityUrl"]', sim.identityUrl);
    await page.click('text=Test connection');
    await page.waitForSelector('text=/Unable to authenticate/');
    await page.fill('input[name="secret"]', extra.apiKey);
    await page.click('text=Test connection');
    await page.waitForSelector('text=/[Cc]onnection (OK|ok|succeeded|works)/');
    await page.click('text=Add account');
    await waitFor('saved', async () => {
      const list = (await (await adminFetch(`${base}/api/v1/sources`)).json()) as {
        sources: { name: string }[];
      };
      return list.sources.some((s) => s.name === 'Added from settings');
    });
    await page.waitForSelector('text=Added from settings');
    page.once('dialog', (d) => void d.accept());
    const row = page.locator('[data-source-id]', { hasText: 'Added from settings' });
    await row.locator('text=Remove').click();
    await waitFor('removed', async () => {
      const list = (await (await adminFetch(`${base}/api/v1/sources`)).json()) as {
        sources: { name: string }[];
      };
      return !list.sources.some((s) => s.name === 'Added from settings');
    });
    await page.close();
  });

  it('asks anonymous visitors to sign in, says why a sign-in failed, and hides admin actions from a viewer', async () => {
    const anon = await browser.newContext();
    const page = await anon.newPage();
    await page.goto(`${base}/settings`);
    await page.waitForURL('**/login?next=%2Fsettings');
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', 'not-the-password');
    await page.click('button:has-text("Sign in")');
    await page.waitForSelector('[data-testid="login-error"]');
    expect(await page.textContent('[data-testid="login-error"]')).toMatch(/wrong username or password/i);
    await createUser(base, 'vera', 'viewer', 'vera-password-1');
    await page.fill('input[name="username"]', 'vera');
    await page.fill('input[name="password"]', 'vera-password-1');
    await page.click('button:has-text("Sign in")');
    await page.waitForURL('**/settings');
    await page.waitForSelector('[data-testid="user-menu"]');
    await page.waitForSelector('[data-source-id]');
    expect(await page.locator('button:has-text("Remove")').count()).toBe(0);
    expect(await page.locator('button:has-text("Add account")').count()).toBe(0);
    expect(await page.locator('text=API tokens').count()).toBe(0);
    await page.click('button:has-text("Sign out")');
    await page.waitForURL('**/login**');
    await anon.close();
  });

  it('opens the board on a TV from a kiosk link without leaving the token in the address bar', async () => {
    const res = await adminFetch(`${base}/api/v1/tokens`, {
      method: 'POST',
      body: JSON.stringify({ name: 'TV', scopes: ['read'] }),
    });
    const { secret } = (await res.json()) as { secret: string };
    const tv = await browser.newContext();
    const page = await tv.newPage();
    await page.goto(`${base}/kiosk?token=${secret}`);
    await page.waitForSelector('[data-entity-id]');
    expect(page.url()).toBe(`${base}/?kiosk=1`);
    expect(page.url()).not.toContain(secret);
    expect(await page.locator('[data-testid="user-menu"]').count()).toBe(0);
    await tv.close();
  });

  it('shows the board as it was at a moment in the past, untouched by live changes, and goes back to live', async () => {
    const [sourceId, tenant] = [...tenantBySource.entries()][2] as [string, string];
    const target = sim.truth(tenant).find((e) => e.alarms.some((a) => a.state !== 'CRITICAL'));
    const alarm = target?.alarms.find((a) => a.state !== 'CRITICAL');
    if (!target || !alarm) throw new Error('no alarm to change');
    const before = countAlarms(target.alarms);
    const beforeText = `${before.ok}/${before.total}`;
    const moment = Date.now();
    await new Promise((r) => setTimeout(r, 50));
    sim.setAlarmState(tenant, target.id, alarm.id, 'CRITICAL', 'time travel');
    const after = countAlarms(sim.truth(tenant).find((e) => e.id === target.id)?.alarms ?? []);
    await waitFor('change recorded', async () => {
      const o = (await (await adminFetch(`${base}/api/v1/overview`)).json()) as {
        sources: { id: string; entities: { id: string; counts: { ok: number } }[] }[];
      };
      return (
        o.sources.find((s) => s.id === sourceId)?.entities.find((e) => e.id === target.id)?.counts.ok ===
        after.ok
      );
    });
    const page = await signedIn.newPage();
    await page.goto(`${base}/?at=${moment}`);
    await page.waitForSelector('[data-testid="past-banner"]');
    const circle = `[data-entity-id="${target.id}"]`;
    await page.waitForFunction(
      ([sel, text]) => document.querySelector(sel as string)?.textContent?.includes(text as string),
      [circle, beforeText],
    );
    sim.setAlarmState(tenant, target.id, alarm.id, 'OK', 'live change while looking at the past');
    await new Promise((r) => setTimeout(r, 2500));
    expect(await page.textContent(circle)).toContain(beforeText);
    await page.click('[data-testid="back-to-live"]');
    await page.waitForSelector('[data-testid="past-banner"]', { state: 'detached' });
    expect(new URL(page.url()).searchParams.get('at')).toBeNull();
    await page.close();
  });

  it('shows a banner when the page loses the server', async () => {
    const page = await signedIn.newPage();
    await page.goto(`${base}/`);
    await page.waitForSelector('[data-entity-id]');
    expect(await page.isVisible('[data-testid="connection-banner"]')).toBe(false);
    await app.close();
    await page.waitForSelector('[data-testid="connection-banner"]', { state: 'visible', timeout: 10_000 });
    await page.close();
  });
});
