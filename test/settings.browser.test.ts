import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/server/types.js';
import { makeTestApp, TEST_ADMIN_PASSWORD, waitFor } from './helpers/app.js';
import { launchChromium } from './helpers/browser.js';
import { login } from './helpers/principals.js';

let app: App;
let base: string;
let browser: Browser;
let admin: BrowserContext;

beforeAll(async () => {
  ({ app } = await makeTestApp());
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  admin = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  const page = await admin.newPage();
  await page.goto(`${base}/login`);
  await page.fill('input[name="username"]', 'admin');
  await page.fill('input[name="password"]', TEST_ADMIN_PASSWORD);
  await page.click('button:has-text("Sign in")');
  await page.waitForSelector('[data-testid="user-menu"]');
  await page.close();
});

afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await app?.close();
});

describe('admin settings in Chromium', () => {
  it('adds a user who can then sign in', async () => {
    const page = await admin.newPage();
    await page.goto(`${base}/settings/users`);
    await page.fill('input[name="newUsername"]', 'olga');
    await page.fill('input[name="newPassword"]', 'olga-password-1');
    await page.selectOption('select[name="newRole"]', 'operator');
    await page.click('button:has-text("Add user")');
    await page.waitForSelector('[data-testid="user-row"]:has-text("olga")');
    const olga = await login(base, 'olga', 'olga-password-1');
    const me = await (await fetch(`${base}/api/v1/auth/me`, { headers: olga.headers })).json();
    expect(me.role).toBe('operator');
    await page.close();
  });

  it('creates a token shown once that works as a bearer token, and a kiosk link that opens the board', async () => {
    const page = await admin.newPage();
    await page.goto(`${base}/settings/tokens`);
    await page.fill('input[name="tokenName"]', 'script');
    await page.check('input[name="scope"][value="read"]');
    await page.click('button:has-text("Create token")');
    const secret = ((await page.locator('[data-testid="token-secret"]').textContent()) ?? '').trim();
    expect(secret).toMatch(/^cmon_/);
    expect(
      (await fetch(`${base}/api/v1/overview`, { headers: { authorization: `Bearer ${secret}` } })).status,
    ).toBe(200);
    await page.reload();
    await page.waitForSelector('[data-testid="token-row"]:has-text("script")');
    expect(await page.locator('[data-testid="token-secret"]').count()).toBe(0);

    await page.fill('input[name="kioskLabel"]', 'Lobby TV');
    await page.click('button:has-text("Create kiosk link")');
    const link = ((await page.locator('[data-testid="kiosk-link"]').textContent()) ?? '').trim();
    expect(link).toMatch(new RegExp(`^${base}/kiosk\\?token=cmon_`));
    const tv = await browser.newContext();
    const tvPage = await tv.newPage();
    await tvPage.goto(link);
    await tvPage.waitForURL(`${base}/?kiosk=1`);
    await tv.close();
    await page.close();
  });

  it('shows the audit log of these changes', async () => {
    const page = await admin.newPage();
    await page.goto(`${base}/settings/audit`);
    await waitFor('audit rows', async () => (await page.locator('[data-testid="audit-row"]').count()) >= 3);
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain('user.create');
    expect(text).toContain('token.create');
    expect(text).not.toContain('olga-password-1');
    await page.close();
  });
});
