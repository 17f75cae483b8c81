import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { projectPath } from '@app/core';
import { seedDemoOnce } from '../../../apps/api/demo/demo-seed';
import { WEB_APP_DIR } from '../../../apps/api/root/web-app';
import { startTestApp, TestApp } from '../../support/test-app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The flags of the brief: headless, no sandbox (CI runs as root), nothing that phones home.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // Dutch browser chrome and Accept-Language, as the users have it.
  '--lang=nl-NL',
];

export interface WebApp {
  testApp: TestApp;
  url: string;
  close(): Promise<void>;
}

/**
 * The real api serving the built web app, on a fresh database filled with the demo (two regions,
 * every role), listening on a free port; `env` adds settings (SMTP_URL of a sink, say). Needs `npm run build` (nest and vite) first.
 */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  if (!existsSync(path.join(WEB_APP_DIR, 'index.html')))
    throw new Error(`No web build in ${WEB_APP_DIR}: run \`npm run build\` first`);
  if (!existsSync(CHROMIUM))
    throw new Error(`No chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  const testApp = await startTestApp(env);
  await seedDemoOnce(() => undefined)(testApp.app.get(DataSource));
  await testApp.app.listen(0, '127.0.0.1');
  const address = testApp.app.getHttpServer().address() as { port: number };
  return { testApp, url: `http://127.0.0.1:${address.port}`, close: () => testApp.close() };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors, and uncaught exceptions: a screen must not throw. */
  errors: string[];
  close(): Promise<void>;
}

/** Chromium with a fresh profile in a temporary folder, removed on close. */
export async function openBrowser(): Promise<Browser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'vw-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1360, height: 860 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // A failed request the screen handles (404 of another region's record) is logged by the browser itself.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(message.text());
  });
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE = readFileSync(projectPath('node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, which the page's Content-Security-Policy does not block.
  // Strings, because this file is type-checked without the DOM library.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((node) => node.target.join(' ')),
    }));
  })()`)) as AxeViolation[];
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Saves a screenshot for the README when SCREENSHOTS=1 (`npm run web:screenshots`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  const directory = projectPath('docs/screenshots');
  await mkdir(directory, { recursive: true });
  await page.screenshot({ path: path.join(directory, `${name}.png`) });
}

/** Signs in on the login screen and waits for the start screen (Werkgevers). */
export async function signIn(page: Page, web: WebApp, email: string, password: string): Promise<void> {
  await page.goto(`${web.url}/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Werkgevers' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByRole('heading', { name: 'Inloggen bij Vliegwiel' }).waitFor();
}

/** Fails with the screen's name and its serious axe violations, if there are any. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  expect({ screen: name, violations: await seriousViolations(page) }).toEqual({ screen: name, violations: [] });
}

/** A query on the web app's own database (to check what a screen stored). */
export async function sql<T>(web: WebApp, text: string, parameters: unknown[] = []): Promise<T[]> {
  return (await web.testApp.app.get(DataSource).query(text, parameters)) as T[];
}

/**
 * Waits until the focused element matches `selector` (and has exactly `text`, when given): focus
 * moves after React re-renders, so one read of `document.activeElement` would race it.
 */
export async function waitForFocus(page: Page, selector: string, text?: string, timeout = 10000): Promise<void> {
  // A string, because this file is type-checked without the DOM library.
  const wanted = JSON.stringify(selector);
  const label = JSON.stringify(text ?? null);
  await waitForExpression(
    page,
    `(() => {
      const active = document.activeElement;
      return !!active && active.matches(${wanted}) && (${label} === null || active.textContent.trim() === ${label});
    })()`,
    timeout,
  );
}

/**
 * Waits until `expression` is truthy in the page. Not `page.waitForFunction`: when its first check fails it
 * polls through `eval` inside the page, which the app's Content-Security-Policy (no 'unsafe-eval') refuses.
 * `page.evaluate` goes over the DevTools protocol, which the policy does not cover.
 */
export async function waitForExpression(page: Page, expression: string, timeout = 10000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
