import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { Page } from 'playwright-core';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { DEMO_USERS } from '../../apps/api/demo/demo-people';
import { authed, login } from '../support/session';
import { openBrowser, screenshot, seriousViolations, startWebApp, type Browser, type WebApp } from './support/web-app';

/**
 * The template screens in real chromium against the real api and the demo data: an account manager
 * writes a template with the insert buttons, sees a compile problem at its line, previews the draft
 * for a real contact in two widths and mails a test to themself through a real SMTP sink.
 */
const manager = DEMO_USERS.find((user) => user.role === 'account_manager')!;
const staff = DEMO_USERS.find((user) => user.role === 'wsp_staff')!;

jest.setTimeout(90000);

let sink: SmtpSink;
let web: WebApp;
let browser: Browser;
let page: Page;

async function signIn(email: string, password: string) {
  await page.goto(`${web.url}/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Werkgevers' }).waitFor();
}

async function signOut() {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByRole('heading', { name: 'Inloggen bij Vliegwiel' }).waitFor();
}

async function expectAccessible(name: string) {
  const violations = await seriousViolations(page);
  expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
}

async function query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
  return (await web.testApp.app.get(DataSource).query(sql, parameters)) as T[];
}

/** What the textarea holds (strings: this file is type-checked without the DOM library). */
async function selectedText(label: string): Promise<string> {
  return page.getByLabel(label, { exact: true }).evaluate(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (element: any) => element.value.slice(element.selectionStart, element.selectionEnd) as string,
  );
}

beforeAll(async () => {
  sink = await startSmtpSink();
  web = await startWebApp({ SMTP_URL: sink.url, INBOUND_DOMAIN: 'inbound.vliegwiel.test' });
  browser = await openBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await sink?.close();
});

afterEach(() => {
  expect(browser.errors).toEqual([]);
});

describe('Template screens', () => {
  it('should list templates with their region and version, and offer a new one to writers', async () => {
    await signIn(manager.email, manager.password);
    await page.goto(`${web.url}/campagnes/sjablonen`);
    await page.getByRole('heading', { level: 1, name: 'Sjablonen' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Campagnes en toebehoren' })
      .getByRole('link', { name: 'Sjablonen' })
      .waitFor();
    // National templates and those of the manager's regions.
    const [{ count }] = await query<{ count: number }>(
      `SELECT count(*)::int AS count FROM templates t JOIN users u ON u.email = $1
        WHERE t.region_id IS NULL OR t.region_id = ANY (u.region_ids)`,
      [manager.email],
    );
    const total = count === 1 ? '1 sjabloon' : `${count} sjablonen`;
    await page.getByText(total, { exact: true }).waitFor();
    if (count === 0) await page.getByText(/^Er zijn nog geen sjablonen\./).waitFor();
    else await expect(page.locator('table.data tbody tr').count()).resolves.toBe(count);
    await expectAccessible('template list');
    await page.getByRole('link', { name: 'Nieuw sjabloon' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw sjabloon' }).waitFor();
  });

  it('should build a template with the insert buttons and show a compile problem at its line', async () => {
    await page.getByLabel('Naam', { exact: true }).fill('Kennismaking browsertest');
    await page.getByLabel('Onderwerp', { exact: true }).fill('Praktijkleren bij ');
    await page.getByRole('button', { name: 'employer.name invoegen' }).click();
    await expect(page.getByLabel('Onderwerp', { exact: true }).inputValue()).resolves.toBe(
      'Praktijkleren bij {{employer.name}}',
    );

    const html = page.getByLabel('HTML-tekst', { exact: true });
    await html.fill('<p>Beste ,</p>\n<p>Wij helpen u graag.</p>\n<p>Uw maat: {{contact.shoeSize}}</p>\n');
    // The cursor after "Beste " (line 1), then insert: the variable lands there.
    await html.evaluate(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (element: any) => {
        element.focus();
        element.setSelectionRange(9, 9);
      },
    );
    await page.getByRole('button', { name: 'contact.firstName invoegen' }).click();
    await html.evaluate(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (element: any) => element.setSelectionRange(element.value.length, element.value.length),
    );
    await page.getByRole('button', { name: 'Succesverhaal invoegen' }).click();
    await expect(html.inputValue()).resolves.toBe(
      '<p>Beste {{contact.firstName}},</p>\n<p>Wij helpen u graag.</p>\n<p>Uw maat: {{contact.shoeSize}}</p>\n{{> story}}',
    );

    await page.getByRole('button', { name: 'Sjabloon opslaan' }).click();
    const problems = page.locator('.compile-problems');
    await problems.getByText('Regel 3').waitFor();
    await expect(problems.textContent()).resolves.toContain('onbekende variabele "contact.shoeSize"');
    // The offending line is selected in the field.
    await expect(selectedText('HTML-tekst')).resolves.toBe('<p>Uw maat: {{contact.shoeSize}}</p>');
    await expectAccessible('template editor with a compile problem');
    expect(await query(`SELECT 1 FROM templates WHERE name = 'Kennismaking browsertest'`)).toEqual([]);

    // Fix it: replace the selected line.
    await page.keyboard.type('<p>Groet, {{sender.name}}</p>');
    await page.getByRole('button', { name: 'Sjabloon opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kennismaking browsertest' }).waitFor();
    await page.getByText('Versie 1', { exact: true }).waitFor();
    const [saved] = await query<{ id: string }>(`SELECT id FROM templates WHERE name = 'Kennismaking browsertest'`);
    expect(page.url()).toBe(`${web.url}/campagnes/sjablonen/${saved.id}`);
  });

  it('should preview the draft for a chosen contact, in desktop and narrow width', async () => {
    const [contact] = await query<{ first_name: string; employer: string; employer_id: string }>(
      `SELECT c.first_name, o.name AS employer, o.id AS employer_id FROM contacts c
         JOIN organisations o ON o.id = c.organisation_id
         JOIN users u ON o.region_id = ANY (u.region_ids)
        WHERE u.email = $1 AND o.kind = 'employer' AND c.first_name IS NOT NULL AND o.sbi_section IS NOT NULL
        ORDER BY o.name, c.is_primary DESC LIMIT 1`,
      [manager.email],
    );
    // A story of the employer itself, consented today: the newest of its sector and region, so `{{> story}}` shows it.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const token = await login(web.testApp, manager.email, manager.password);
    await authed(web.testApp, token)
      .post('/api/stories')
      .send({
        employerId: contact.employer_id,
        title: 'Leerbaan in de browsertest',
        summary: 'Twee leerlingen vonden hier een vaste plek.',
        consentAt: today,
        published: true,
      })
      .expect(201);
    await page.getByLabel('Werkgever zoeken').fill(contact.employer);
    const employerSelect = page.getByLabel('Werkgever', { exact: true });
    await page.locator('.contact-picker select:not([disabled])').first().waitFor();
    const employerOption = employerSelect.locator('option', { hasText: contact.employer }).first();
    await employerSelect.selectOption((await employerOption.getAttribute('value'))!);
    const contactSelect = page.getByLabel('Contactpersoon');
    await page.locator('.contact-picker select:not([disabled])').nth(1).waitFor();
    const option = contactSelect.locator('option', { hasText: contact.first_name }).first();
    await contactSelect.selectOption((await option.getAttribute('value'))!);

    const frame = page.frameLocator('iframe[title="Voorbeeld van de e-mail (HTML)"]');
    await frame.getByText(`Beste ${contact.first_name},`).waitFor();
    await frame.getByText('Leerbaan in de browsertest').waitFor();
    // No scripts, no same-origin access, no forms, no navigation: the empty sandbox allows nothing.
    await expect(page.locator('iframe.preview-frame').getAttribute('sandbox')).resolves.toBe('');
    await expect(page.locator('.preview-subject').textContent()).resolves.toContain('Praktijkleren bij');
    await expect(page.locator('pre.preview-text').textContent()).resolves.toContain(`Beste ${contact.first_name},`);

    // The preview follows the unsaved draft; a half-written one shows its problem (politely) at its line.
    const testSend = page.getByRole('button', { name: 'Stuur mij een test' });
    await expect(testSend.isDisabled()).resolves.toBe(false);
    const html = page.getByLabel('HTML-tekst', { exact: true });
    await html.fill('<p>Hallo {{contact.firstName}}!</p>\n<p>Groet, {{sender.name</p>');
    const previewProblems = page.locator('.template-preview .compile-problems');
    await previewProblems.getByText('Het voorbeeld is niet bijgewerkt').waitFor();
    await expect(previewProblems.getAttribute('role')).resolves.toBe('status');
    await previewProblems.getByRole('button', { name: 'Regel 2' }).click();
    await expect(selectedText('HTML-tekst')).resolves.toBe('<p>Groet, {{sender.name</p>');
    await expectAccessible('template editor with a preview problem');

    await html.fill('<p>Hallo {{contact.firstName}}!</p>\n<p>Groet, {{sender.name}}</p>');
    await frame.getByText(`Hallo ${contact.first_name}!`).waitFor();
    await expect(previewProblems.count()).resolves.toBe(0);
    // The test mail is of the saved version: it waits for a save.
    await expect(testSend.isDisabled()).resolves.toBe(true);
    await page.getByText('Sla eerst op: de test gebruikt de opgeslagen versie.').waitFor();

    await page.getByRole('button', { name: 'Smal (375 px)' }).click();
    await expect(page.getByRole('button', { name: 'Smal (375 px)' }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    const width = await page.locator('iframe.preview-frame').evaluate(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (element: any) => element.getBoundingClientRect().width as number,
    );
    expect(Math.round(width)).toBe(375);
    await expectAccessible('template editor with preview');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'template-editor');
  });

  it('should save a new version and mail a test to the signed-in user', async () => {
    await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
    await page.getByText('Versie 2', { exact: true }).waitFor();
    await page.getByRole('cell', { name: 'v2' }).waitFor();

    await page.getByRole('button', { name: 'Stuur mij een test' }).click();
    await page.getByText(`Testbericht verstuurd naar ${manager.email}`).waitFor();
    const deadline = Date.now() + 20_000;
    while (!sink.messages.some((m) => m.envelope.rcptTo.includes(manager.email)) && Date.now() < deadline)
      await page.waitForTimeout(100);
    const message = sink.messages.find((m) => m.envelope.rcptTo.includes(manager.email));
    expect(message?.parsed.subject).toMatch(/^\[TEST\] Praktijkleren bij .+/);
    expect(message?.parsed.html).toContain('Hallo ');
  });

  it('should list the saved template with its region, current version and last change', async () => {
    const [region] = await query<{ name: string }>(
      `SELECT r.name FROM templates t JOIN regions r ON r.id = t.region_id WHERE t.name = 'Kennismaking browsertest'`,
    );
    await page
      .getByRole('navigation', { name: 'Campagnes en toebehoren' })
      .getByRole('link', { name: 'Sjablonen' })
      .click();
    const row = page.getByRole('row', { name: /Kennismaking browsertest/ });
    await row.waitFor();
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual([
      'Kennismaking browsertest',
      'Praktijkleren bij {{employer.name}}',
      region.name,
      'v2',
      expect.stringMatching(/\d{4}/),
    ]);
    await expectAccessible('template list with a template');
    await screenshot(page, 'templates');
  });

  it('should show a template read-only to wsp_staff', async () => {
    const [saved] = await query<{ id: string }>(`SELECT id FROM templates WHERE name = 'Kennismaking browsertest'`);
    await signOut();
    await signIn(staff.email, staff.password);
    await page.goto(`${web.url}/campagnes/sjablonen`);
    await page.getByRole('link', { name: 'Kennismaking browsertest' }).waitFor();
    await expect(page.getByRole('link', { name: 'Nieuw sjabloon' }).count()).resolves.toBe(0);
    await page.goto(`${web.url}/campagnes/sjablonen/${saved.id}`);
    await page.getByText('Versie 2 · alleen lezen').waitFor();
    await expect(page.getByRole('button', { name: /Opslaan|Invoegen|Stuur mij een test/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('textbox').count()).resolves.toBe(0);
    await expectAccessible('template read-only');
  });
});
