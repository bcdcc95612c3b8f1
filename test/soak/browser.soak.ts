import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guildSettings } from '../../src/db/guild-settings.js';
import { recordWin } from '../support/wins.js';
import { startWebHarness, type WebHarness } from '../web/support.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = 'test-output/screenshots';
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
// Wednesday 25 Nov 2026, 20:00 UTC: already Thursday in Tokyo.
const start = '2026-11-25T20:00:00Z';

describe.skipIf(!existsSync(CHROMIUM))('the web view in a real browser (Debian chromium)', { timeout: 60_000 }, () => {
  let h: WebHarness;
  let browser: Browser;
  const guildPath = () => `${h.webUrl}/g/${h.sandbox.guildId}`;

  /** A fresh browser profile signed in through the sandbox's member picker, by clicking as a person would. */
  async function signIn(name: string, viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<{ context: BrowserContext; page: Page }> {
    // bypassCSP only so the test can inject axe-core; the pages themselves carry a strict CSP.
    const context = await browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(h.webUrl);
    await page.getByRole('link', { name: 'Sign in with Discord' }).click();
    await page.getByRole('button', { name: new RegExp(`^Sign in as ${name}`, 'i') }).click();
    await page.waitForURL(`${h.webUrl}/`);
    return { context, page };
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: source });
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] } });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.count})`);
  }

  beforeAll(async () => {
    h = await startWebHarness(start);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    await mkdir(SHOTS, { recursive: true });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('signs a member in, shows a win logged with /win, edits it and deletes it', async () => {
    const { context, page } = await signIn('alice');
    await page.getByRole('link', { name: h.sandbox.guildName }).click();
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'wrote 300 words' } });
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'walked round the block', private: true } });
    await page.getByRole('link', { name: 'Wins', exact: true }).click();
    await expect.poll(() => page.locator('ol.wins').innerText()).toContain('wrote 300 words');

    const item = page.locator('ol.wins li', { hasText: 'wrote 300 words' });
    await item.getByRole('link', { name: /Edit/ }).click();
    await page.getByLabel('What you did').fill('wrote 500 words');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Saved');
    expect(await page.locator('ol.wins').innerText()).toContain('wrote 500 words');

    await page.locator('ol.wins li', { hasText: 'walked round the block' }).getByRole('link', { name: /Delete/ }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('gone for good');
    expect(await page.locator('ol.wins').innerText()).not.toContain('walked round the block');
    await context.close();
  });

  it('changes the timezone in the browser and /progress follows it', async () => {
    await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'fixed the tap' } });
    const { context, page } = await signIn('bob');
    await page.goto(`${guildPath()}/settings`);
    await page.getByLabel('Your timezone').selectOption('Asia/Tokyo');
    await page.getByLabel(/^On:/).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('saved');
    const progress = await h.sandbox.chatInput('bob', { name: 'progress', options: {} });
    expect(JSON.stringify(progress.message?.embeds)).toContain('Asia/Tokyo');
    await context.close();
  });

  it('lets an admin change the recap time, and /config show agrees', async () => {
    const { context, page } = await signIn('ada');
    await page.goto(`${guildPath()}/admin`);
    await page.getByLabel('Channel').selectOption({ label: '#wins' });
    await page.getByLabel('Day', { exact: true }).selectOption('sunday');
    await page.getByLabel(/^Time/).fill('18:30');
    await page.getByRole('button', { name: 'Save recap settings' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Saved');
    const shown = await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'show', options: {} });
    expect(JSON.stringify(shown.message?.embeds)).toContain('every Sunday at 18:30 (UTC)');
    await context.close();
  });

  it('keeps a member without Manage Server away from the admin page and its form', async () => {
    const { context, page } = await signIn('bob');
    await page.goto(guildPath());
    expect(await page.getByRole('link', { name: 'Server settings' }).count()).toBe(0);
    const response = await page.goto(`${guildPath()}/admin`);
    expect(response?.status()).toBe(403);
    const before = await guildSettings(h.database.db, h.sandbox.guildId, h.clock.now());
    await page.goto(`${guildPath()}/settings`);
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const posted = await page.request.post(`${guildPath()}/admin/recap`, {
      form: { _csrf: csrf, channel: h.sandbox.channel('general').id, day: 'monday', time: '07:00', timezone: 'UTC' },
      headers: { origin: h.webUrl },
    });
    expect(posted.status()).toBe(403);
    expect(await guildSettings(h.database.db, h.sandbox.guildId, h.clock.now())).toEqual(before);
    await context.close();
  });

  it('signs out: the session ends and the pages ask to sign in again', async () => {
    const { context, page } = await signIn('alice');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain("You're signed out");
    await page.goto(`${guildPath()}/wins`);
    expect(page.url()).toContain('/oauth2/authorize');
    await context.close();
  });

  it('passes axe-core with no serious violations and saves screenshots at desktop and phone width', async () => {
    await seedHistory(h, 'ada');
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      const { context, page } = await signIn('ada', viewport);
      const pages = { home: `${h.webUrl}/`, overview: guildPath(), wins: `${guildPath()}/wins`, settings: `${guildPath()}/settings`, data: `${guildPath()}/data`, admin: `${guildPath()}/admin` };
      for (const [name, url] of Object.entries(pages)) {
        await page.goto(url);
        await page.screenshot({ path: `${SHOTS}/${name}-${size}.png`, fullPage: true });
        expect(await seriousViolations(page), `${name} at ${size}`).toEqual([]);
        // Nothing spills sideways on a phone.
        expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1'), `${name} at ${size}`).toBe(true);
      }
      await context.close();
    }
  }, 120_000);
});

/** Half a year of wins (a fixed pattern) and two goals, so the screenshots show a lived-in page. */
async function seedHistory(h: WebHarness, name: string): Promise<void> {
  const userId = h.sandbox.user(name).id;
  const now = h.clock.now();
  await h.sandbox.chatInput(name, { name: 'goal', subcommand: 'add', options: { title: 'Write 3 times a week', target: 3, period: 'week' } });
  await h.sandbox.chatInput(name, { name: 'goal', subcommand: 'add', options: { title: 'Publish 2 articles', target: 2, period: 'month', share: 'server' } });
  const texts = ['answered one email', 'drafted the intro', 'went for a walk', 'tidied the desk', 'called my sister', 'read a chapter of Dune'];
  for (let day = 1; day < 180; day++) {
    const count = (day * 7) % 11 < 4 ? 0 : ((day * 5) % 4) + (day % 9 === 0 ? 3 : 0);
    for (let i = 0; i < count; i++) {
      const occurredAt = new Date(now.getTime() - day * 86_400_000 + i * 3_600_000);
      await recordWin(h.database.db, { guildId: h.sandbox.guildId, userId, text: texts[(day + i) % texts.length] ?? 'a small win', isPrivate: (day + i) % 5 === 0, occurredAt }, now);
    }
  }
  await h.sandbox.chatInput(name, { name: 'win', options: { text: 'finished the draft — small but mine', goal: 'Write 3 times a week' } });
}
