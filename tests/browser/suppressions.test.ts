import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { DEMO_USERS } from '../../apps/api/demo/demo-people';
import {
  expectAccessible,
  openBrowser,
  screenshot,
  signIn,
  signOut,
  sql,
  startWebApp,
  waitForFocus,
  type Browser,
  type WebApp,
} from './support/web-app';

/**
 * The blocklist screen and the "Niet benaderen" switch on an employer's contacts, in real chromium
 * against the real api and database: add, search, lift (coordinator only), and the switch writing
 * and lifting a blocklist entry.
 */
const coordinator = DEMO_USERS.find((user) => user.role === 'coordinator' && user.regions.includes('main'))!;
const manager = DEMO_USERS.find((user) => user.role === 'account_manager')!;

jest.setTimeout(60000);

let web: WebApp;
let browser: Browser;
let page: Page;

async function openBlocklist() {
  await page.goto(`${web.url}/campagnes/blokkeerlijst`);
  await page.getByRole('heading', { level: 1, name: 'Blokkeerlijst' }).waitFor();
}

function rowOf(email: string) {
  return page.locator('table.suppressions tbody tr', { has: page.getByRole('cell', { name: email, exact: true }) });
}

beforeAll(async () => {
  web = await startWebApp();
  browser = await openBrowser();
  page = browser.page;
  page.setDefaultTimeout(20000);
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

afterEach(() => {
  expect(browser.errors).toEqual([]);
  browser.errors.length = 0;
});

describe('blocklist', () => {
  it('should refuse an address that is not one, under its field, and add a valid one', async () => {
    await signIn(page, web, coordinator.email, coordinator.password);
    await openBlocklist();
    await page.getByRole('navigation', { name: 'Campagnes en toebehoren' }).waitFor();

    await page.getByLabel('E-mailadres').fill('geen-adres');
    await page.getByLabel('Reden').fill('Belde zelf');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page
      .locator('.field.invalid', { has: page.getByLabel('E-mailadres') })
      .locator('.field-error')
      .waitFor();
    await expect(page.getByLabel('E-mailadres').getAttribute('aria-invalid')).resolves.toBe('true');

    await page.getByLabel('E-mailadres').fill('Info@Bakkerij-Stop.example');
    await page.getByLabel('Reden').fill('Wil telefonisch niet meer gemaild worden');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByText('Info@Bakkerij-Stop.example staat nu op de blokkeerlijst.').waitFor();
    const row = rowOf('info@bakkerij-stop.example');
    await row.waitFor();
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe('Groot Amsterdam');
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('Wil telefonisch niet meer gemaild worden');
    await expect(row.locator('td').nth(3).textContent()).resolves.toBe('Met de hand');
    await expectAccessible(page, 'blocklist');
    await screenshot(page, 'suppressions');

    // The same address twice in one region is refused in Dutch.
    await page.getByLabel('E-mailadres').fill('info@bakkerij-stop.example');
    await page.getByLabel('Reden').fill('Nogmaals');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByText('Dit adres staat daar al op de blokkeerlijst.').waitFor();
  });

  it('should find an address by part of it', async () => {
    await page.getByLabel('E-mailadres').fill('anders@elders.example');
    await page.getByLabel('Reden').fill('Geen interesse');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await rowOf('anders@elders.example').waitFor();

    await page.getByLabel('Zoeken op adres').fill('bakkerij-stop');
    await rowOf('anders@elders.example').waitFor({ state: 'detached' });
    await rowOf('info@bakkerij-stop.example').waitFor();
    await page.getByText('1 adres', { exact: true }).waitFor();

    await page.getByLabel('Zoeken op adres').fill('niemand-hier');
    await page.getByText('Geen adressen gevonden.').waitFor();
    await page.getByLabel('Zoeken op adres').fill('');
    await rowOf('anders@elders.example').waitFor();
  });

  it('should show an account manager no delete, and let a coordinator lift an address after confirming', async () => {
    await signOut(page);
    await signIn(page, web, manager.email, manager.password);
    await openBlocklist();
    await rowOf('anders@elders.example').waitFor();
    await expect(page.getByRole('button', { name: /^Verwijderen/ }).count()).resolves.toBe(0);
    await expectAccessible(page, 'blocklist (account manager)');

    await signOut(page);
    await signIn(page, web, coordinator.email, coordinator.password);
    await openBlocklist();
    await page.getByRole('button', { name: 'Verwijderen (anders@elders.example)' }).click();
    await page.getByRole('dialog', { name: 'Van de blokkeerlijst halen?' }).waitFor();
    // Lifting cannot be undone from here: the dialog opens on "Terug".
    await waitForFocus(page, 'dialog button', 'Terug');
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByText('anders@elders.example staat niet meer op de blokkeerlijst.').waitFor();
    await rowOf('anders@elders.example').waitFor({ state: 'detached' });
    // The row and its button are gone: focus lands on the heading, not on the page body.
    await waitForFocus(page, '#suppressions-title');
    await expect(sql(web, `SELECT id FROM suppressions WHERE email = 'anders@elders.example'`)).resolves.toEqual([]);
    const audit = await sql<{ action: string }>(
      web,
      `SELECT action FROM audit_log WHERE entity = 'suppression' AND action = 'delete'`,
    );
    expect(audit).toHaveLength(1);
  });
});

describe('"Niet benaderen" switch', () => {
  let contact: { id: string; email: string; name: string; employer_id: string; employer: string };

  it('should block the contact on the blocklist when switched on and lift it when switched off', async () => {
    [contact] = await sql<typeof contact>(
      web,
      `SELECT c.id, c.email, concat_ws(' ', c.first_name, c.last_name) AS name, o.id AS employer_id, o.name AS employer
         FROM contacts c JOIN organisations o ON o.id = c.organisation_id JOIN regions r ON r.id = o.region_id
        WHERE r.code = 'AM18' AND c.email IS NOT NULL AND o.kind = 'employer'
          AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.email = lower(c.email))
          -- A second mailable contact, for the unsubscribed case below.
          AND EXISTS (SELECT 1 FROM contacts d WHERE d.organisation_id = o.id AND d.id <> c.id AND d.email IS NOT NULL)
        ORDER BY o.name, c.last_name LIMIT 1`,
    );
    await page.goto(`${web.url}/werkgevers/${contact.employer_id}`);
    await page.getByRole('heading', { level: 1, name: contact.employer }).waitFor();
    const toggle = page.getByRole('switch', { name: `Niet benaderen ${contact.name}` });
    await page.getByText('Campagnes mogen deze persoon mailen.').first().waitFor();
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('false');
    await expectAccessible(page, 'employer page with switches');

    await toggle.click();
    await page
      .locator('li.contact', { hasText: contact.name })
      .getByText('Staat op de blokkeerlijst: campagnes mailen deze persoon niet.')
      .waitFor();
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
    // Saving kept the switch focusable (busy, not disabled): focus stays on it.
    await waitForFocus(page, '[role="switch"]', `Niet benaderen ${contact.name}`);
    const stored = await sql<{ reason: string; source: string; region: string }>(
      web,
      `SELECT s.reason, s.source, r.code AS region FROM suppressions s JOIN regions r ON r.id = s.region_id WHERE s.email = lower($1)`,
      [contact.email],
    );
    expect(stored).toEqual([
      { reason: 'Niet benaderen (ingesteld bij contactpersoon)', source: 'manual', region: 'AM18' },
    ]);

    await openBlocklist();
    await rowOf(contact.email.toLowerCase()).waitFor();
    await expect(rowOf(contact.email.toLowerCase()).locator('td').nth(2).textContent()).resolves.toBe(
      'Niet benaderen (ingesteld bij contactpersoon)',
    );

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: contact.employer }).waitFor();
    await page
      .locator('li.contact', { hasText: contact.name })
      .getByText('Staat op de blokkeerlijst: campagnes mailen deze persoon niet.')
      .waitFor();
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
    await toggle.click();
    await page
      .locator('li.contact', { hasText: contact.name })
      .getByText('Campagnes mogen deze persoon mailen.')
      .waitFor();
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('false');
    await waitForFocus(page, '[role="switch"]', `Niet benaderen ${contact.name}`);
    await expect(sql(web, `SELECT id FROM suppressions WHERE email = lower($1)`, [contact.email])).resolves.toEqual([]);
  });

  it('should let an account manager switch it on but not off, and take the contact out of its campaign', async () => {
    // The contact is in a running campaign, its next e-mail a day away.
    const [campaign] = await sql<{ id: string }>(
      web,
      `INSERT INTO campaigns (region_id, name, sender_id, steps, status, launched_at)
       SELECT o.region_id, 'Lopende campagne', u.id, '[{"type":"wait","duration":"P1D"}]'::jsonb, 'running', now()
         FROM organisations o, users u WHERE o.id = $1 AND u.email = $2 RETURNING id`,
      [contact.employer_id, manager.email],
    );
    await sql(
      web,
      `INSERT INTO enrolments (campaign_id, contact_id, employer_id, region_id, next_step_at)
       SELECT $1, $2, o.id, o.region_id, now() + interval '1 day' FROM organisations o WHERE o.id = $3`,
      [campaign.id, contact.id, contact.employer_id],
    );
    await signOut(page);
    await signIn(page, web, manager.email, manager.password);
    await page.goto(`${web.url}/werkgevers/${contact.employer_id}`);
    const toggle = page.getByRole('switch', { name: `Niet benaderen ${contact.name}` });
    await page
      .locator('li.contact', { hasText: contact.name })
      .getByText('Campagnes mogen deze persoon mailen.')
      .waitFor();
    await toggle.click();
    await page
      .locator('li.contact', { hasText: contact.name })
      .getByText('Staat op de blokkeerlijst; alleen een coördinator of beheerder kan dit uitzetten.')
      .waitFor();
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
    await expect(toggle.isDisabled()).resolves.toBe(true);
    // Stored in the employer's region (never everywhere), by the account manager.
    await expect(
      sql(
        web,
        `SELECT s.source, r.code AS region, u.email AS by FROM suppressions s JOIN regions r ON r.id = s.region_id
           JOIN users u ON u.id = s.created_by WHERE s.email = lower($1)`,
        [contact.email],
      ),
    ).resolves.toEqual([{ source: 'manual', region: 'AM18', by: manager.email }]);
    await expect(
      sql(web, `SELECT status, exit_reason FROM enrolments WHERE campaign_id = $1 AND contact_id = $2`, [
        campaign.id,
        contact.id,
      ]),
    ).resolves.toEqual([{ status: 'exited', exit_reason: 'suppressed' }]);
    await expectAccessible(page, 'employer page, switch locked');
  });

  it('should keep an unsubscribed address on and locked, even for a coordinator', async () => {
    const [other] = await sql<{ email: string; name: string }>(
      web,
      `SELECT c.email, concat_ws(' ', c.first_name, c.last_name) AS name FROM contacts c
        WHERE c.organisation_id = $1 AND c.email IS NOT NULL AND c.id <> $2 LIMIT 1`,
      [contact.employer_id, contact.id],
    );
    await sql(
      web,
      `INSERT INTO suppressions (email, region_id, reason, source) SELECT lower($1), region_id, 'Afgemeld', 'unsubscribe' FROM organisations WHERE id = $2`,
      [other.email, contact.employer_id],
    );
    await signOut(page);
    await signIn(page, web, coordinator.email, coordinator.password);
    await page.goto(`${web.url}/werkgevers/${contact.employer_id}`);
    const toggle = page.getByRole('switch', { name: `Niet benaderen ${other.name}` });
    await page
      .locator('li.contact', { hasText: other.name })
      .getByText(/Geblokkeerd \(Afgemeld via e-mail\)/)
      .waitFor();
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
    await expect(toggle.isDisabled()).resolves.toBe(true);
  });
});
