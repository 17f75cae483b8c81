import { jest } from '@jest/globals';
import nodemailer from 'nodemailer';
import type { Page, Response } from 'playwright-core';
import { DataSource } from 'typeorm';
import { InboundReceiver } from '@app/outreach';
import { SmtpSink, SinkMessage, startSmtpSink } from '@app/testing';
import { DEMO_USERS } from '../../apps/api/demo/demo-people';
import { authed, login } from '../support/session';
import {
  openBrowser,
  screenshot,
  seriousViolations,
  startWebApp,
  waitForExpression,
  type Browser,
  type WebApp,
} from './support/web-app';

/**
 * The segment builder and the campaign builder in real chromium against the real api, queue workers
 * and an SMTP sink: an account manager builds a segment with a nested group and watches the live
 * count, builds a two-step campaign on it, checks the launch summary against the api, launches, and
 * the first e-mail reaches every enrolled contact. The same campaign goes on in its monitor: the sent
 * counter reaches the enrolled contacts, and a reply through the inbound SMTP port exits that contact.
 */
const manager = DEMO_USERS.find((user) => user.role === 'account_manager')!;
const staff = DEMO_USERS.find((user) => user.role === 'wsp_staff')!;

jest.setTimeout(120000);

let web: WebApp;
let sink: SmtpSink;
let browser: Browser;
let page: Page;
let api: ReturnType<typeof authed>;
let regionId: string;
let segmentId: string;
let campaignId: string;
/** What the launch test saw go out, for the monitor test after it. */
let launched: { messages: SinkMessage[]; enrolled: { email: string }[] };

async function sql<T>(text: string, parameters: unknown[] = []): Promise<T[]> {
  return (await web.testApp.app.get(DataSource).query(text, parameters)) as T[];
}

async function signIn(email: string, password: string) {
  await page.goto(`${web.url}/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Werkgevers' }).waitFor();
}

async function expectAccessible(name: string) {
  expect({ screen: name, violations: await seriousViolations(page) }).toEqual({ screen: name, violations: [] });
}

/** The api's count for a filter of the manager's region. */
async function apiTotal(filter: object): Promise<number> {
  const response = await api.post('/api/segments/preview').send({ regionId, filter }).expect(200);
  return response.body.total as number;
}

/** Waits until the live count on screen shows `total`. */
async function liveCountShows(total: number) {
  await page
    .getByTestId('segment-count')
    .filter({ hasText: new RegExp(`^${total}$`) })
    .waitFor();
}

/** The accessible name (aria-label, else text) of the focused element. */
function focusedName(): Promise<string | null> {
  // A string, run in the page (this file is type-checked without the DOM library).
  return page.evaluate(`(() => {
    const element = document.activeElement;
    return !element || element === document.body ? null : (element.getAttribute('aria-label') ?? element.textContent);
  })()`);
}

/** Weekday (1 = Monday), `HH:MM` and `YYYY-MM-DD` of a moment in Dutch time. */
function amsterdamParts(iso: string): { weekday: number; time: string; date: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1;
  return { weekday, time: `${parts.hour}:${parts.minute}`, date: `${parts.year}-${parts.month}-${parts.day}` };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const isPreview = (response: Response) =>
  response.request().method() === 'GET' && /\/api\/campaigns\/[^/]+\/preview$/.test(new URL(response.url()).pathname);

beforeAll(async () => {
  sink = await startSmtpSink();
  // A test app runs the launch and delivery workers itself; a campaign without a send window goes out at once.
  // Port 0: the inbound SMTP receiver takes a free port (see `InboundReceiver.port`).
  web = await startWebApp({ SMTP_URL: sink.url, INBOUND_DOMAIN: 'inbound.vliegwiel.test', INBOUND_SMTP_PORT: '0' });
  api = authed(web.testApp, await login(web.testApp, manager.email, manager.password));
  regionId = (await api.get('/api/auth/me').expect(200)).body.regionIds[0];
  // The template screen is another screen's job: the templates come from the api here.
  for (const [name, subject] of [
    ['Kennismaking', 'Samen praktijkleren?'],
    ['Herinnering', 'Nog even over praktijkleren'],
  ]) {
    await api
      .post('/api/templates')
      .send({ regionId, name, subject, html: '<p>Beste {{contact.firstName}} van {{employer.name}},</p>' })
      .expect(201);
  }
  browser = await openBrowser();
  page = browser.page;
  page.setDefaultTimeout(20000);
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await sink?.close();
});

afterEach(() => {
  expect(browser.errors).toEqual([]);
  browser.errors.length = 0;
});

describe('segment builder', () => {
  it('should follow each change with a live count equal to the api and save a filter with a nested group', async () => {
    await signIn(manager.email, manager.password);
    await page.goto(`${web.url}/campagnes/segmenten`);
    await page.getByRole('heading', { level: 1, name: 'Segmenten' }).waitFor();
    await page.getByText('Nog geen segmenten.').waitFor();
    await expectAccessible('segment list (empty)');
    await page.getByRole('link', { name: 'Nieuw segment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw segment' }).waitFor();

    // No conditions: every employer of the region.
    const everyone = await apiTotal({ all: [] });
    await liveCountShows(everyone);

    await page.getByLabel('Naam').fill('Prospects in horeca en zorg');
    await page.getByRole('button', { name: 'Voorwaarde toevoegen' }).click();
    await page.getByLabel('Waarde van voorwaarde 1').selectOption('prospect');
    const prospects = await apiTotal({ all: [{ field: 'stage', op: 'eq', value: 'prospect' }] });
    expect(prospects).toBeLessThan(everyone);
    await liveCountShows(prospects);

    // A condition added and removed again: the keyboard lands on "Voorwaarde toevoegen", not the page.
    await page.getByRole('button', { name: 'Voorwaarde toevoegen' }).click();
    await page.getByRole('button', { name: 'Verwijderen (voorwaarde 2)' }).focus();
    await page.keyboard.press('Enter');
    await expect(focusedName()).resolves.toBe('Voorwaarde toevoegen');
    await liveCountShows(prospects);

    // A group inside the group: prospects tagged horeca or zorg.
    await page.getByRole('button', { name: 'Groep toevoegen' }).click();
    const nested = page.locator('fieldset.filter-group fieldset.filter-group');
    await expect(nested.getByRole('combobox', { name: /^Voldoet aan/ }).inputValue()).resolves.toBe('any');
    await nested.getByLabel('Veld van voorwaarde 1').selectOption('tag');
    await nested.getByLabel('Waarde van voorwaarde 1').fill('horeca');
    await nested.getByRole('button', { name: 'Voorwaarde toevoegen' }).click();
    await nested.getByLabel('Veld van voorwaarde 2').selectOption('tag');
    await nested.getByLabel('Waarde van voorwaarde 2').fill('zorg');
    const filter = {
      all: [
        { field: 'stage', op: 'eq', value: 'prospect' },
        {
          any: [
            { field: 'tag', op: 'eq', value: 'horeca' },
            { field: 'tag', op: 'eq', value: 'zorg' },
          ],
        },
      ],
    };
    const narrowed = await apiTotal(filter);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(prospects);
    await liveCountShows(narrowed);
    await expect(page.locator('.segment-preview tbody tr').count()).resolves.toBe(narrowed);
    // The count sits in a polite live region, so a screen reader hears it change.
    await expect(page.locator('.segment-count').getAttribute('aria-live')).resolves.toBe('polite');
    await expectAccessible('segment builder');
    await screenshot(page, 'segment-builder');

    await page.getByRole('button', { name: 'Segment opslaan' }).click();
    await page.waitForURL(/\/campagnes\/segmenten\/[0-9a-f-]{36}$/);
    segmentId = page.url().split('/').pop()!;
    await page.getByText('Opgeslagen.').waitFor();
    const saved = await api.get(`/api/segments/${segmentId}`).expect(200);
    expect(saved.body).toMatchObject({ name: 'Prospects in horeca en zorg', regionId, filter });
    await page.getByRole('heading', { level: 1, name: 'Prospects in horeca en zorg' }).waitFor();
    await liveCountShows(narrowed);

    await page.getByRole('link', { name: 'Segmenten', exact: true }).first().click();
    const row = page.getByRole('row', { name: /Prospects in horeca en zorg/ });
    await row
      .getByTestId('segment-total')
      .filter({ hasText: new RegExp(`^${narrowed}$`) })
      .waitFor();
    // One link per row (the name): the count is no second tab stop.
    await expect(row.getByRole('link').count()).resolves.toBe(1);
    await expectAccessible('segment list');
  });
});

describe('campaign builder', () => {
  it('should show field problems under the fields when a draft is saved without a name', async () => {
    await page.goto(`${web.url}/campagnes/nieuw`);
    await page.getByRole('heading', { level: 1, name: 'Nieuwe campagne' }).waitFor();
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    const name = page.getByLabel('Naam', { exact: true });
    await name.and(page.locator('[aria-invalid="true"]')).waitFor();
    // The problem is tied to the input, so a screen reader reads it with the field.
    const describedBy = (await name.getAttribute('aria-describedby'))!;
    await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toBe('is verplicht');
    expect(page.url()).toMatch(/\/campagnes\/nieuw$/);
  });

  it('should show the api first send time of a draft with a weekday window, an hourly cap, an exit stage and a closing day', async () => {
    // Tomorrow (Dutch time) is a closing day of the region: nothing may go out then.
    const coordinator = DEMO_USERS.find((user) => user.key === 'coordinator')!;
    const regionAdmin = authed(web.testApp, await login(web.testApp, coordinator.email, coordinator.password));
    const before = (await regionAdmin.get(`/api/regions/${regionId}/settings`).expect(200)).body;
    const tomorrow = amsterdamParts(new Date(Date.now() + 24 * 3600 * 1000).toISOString()).date;
    await regionAdmin
      .patch(`/api/regions/${regionId}/settings`)
      .send({ closingDays: [...before.closingDays, tomorrow] })
      .expect(200);
    try {
      await page.goto(`${web.url}/campagnes/nieuw?segment=${segmentId}`);
      await page.getByRole('heading', { level: 1, name: 'Nieuwe campagne' }).waitFor();
      await page.getByLabel('Naam', { exact: true }).fill('Werkdagen met een grens');
      await page.getByLabel('Sjabloon van stap 1').selectOption({ label: 'Kennismaking — Samen praktijkleren?' });
      await page.getByLabel('Stoppen bij fase').selectOption('sw_pilot');
      // The default window: Monday to Friday, 09:00 to 17:00.
      for (const day of ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'])
        await expect(page.getByLabel(day, { exact: true }).isChecked()).resolves.toBe(true);
      for (const day of ['zaterdag', 'zondag'])
        await expect(page.getByLabel(day, { exact: true }).isChecked()).resolves.toBe(false);
      await expect(page.getByLabel('Vanaf').inputValue()).resolves.toBe('09:00');
      await expect(page.getByLabel('Tot').inputValue()).resolves.toBe('17:00');
      await page.getByLabel('Maximaal per uur (optioneel)').fill('25');
      const shownPreview = page.waitForResponse(isPreview);
      await page.getByRole('button', { name: 'Concept opslaan' }).click();
      await page.waitForURL(/\/campagnes\/[0-9a-f-]{36}\/bewerken$/);
      await page.getByText('Concept opgeslagen.').waitFor();
      const draftId = page.url().split('/').slice(-2)[0];
      expect((await api.get(`/api/campaigns/${draftId}`).expect(200)).body).toMatchObject({
        status: 'draft',
        exitStage: 'sw_pilot',
        maxPerHour: 25,
        sendWindow: { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' },
      });

      await shownPreview;
      const preview = (await api.get(`/api/campaigns/${draftId}/preview`).expect(200)).body;
      expect(preview.wouldEnrol).toBeGreaterThan(0);
      const amsterdam = new Intl.DateTimeFormat('nl-NL', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/Amsterdam',
      });
      await page
        .getByTestId('summary-first-send')
        .filter({ hasText: amsterdam.format(new Date(preview.firstSendAt)) })
        .waitFor();
      const first = amsterdamParts(preview.firstSendAt);
      expect(first.weekday).toBeGreaterThanOrEqual(1);
      expect(first.weekday).toBeLessThanOrEqual(5);
      expect(first.time >= '09:00' && first.time < '17:00').toBe(true);
      expect(first.date).not.toBe(tomorrow);

      // A confirmation does not outlive an edit: a change closes it, and "Annuleren" returns to the start button.
      await page.getByRole('button', { name: 'Campagne starten' }).click();
      await page.getByRole('button', { name: 'Annuleren' }).click();
      await expect(focusedName()).resolves.toBe('Campagne starten');
      await page.getByRole('button', { name: 'Campagne starten' }).click();
      await page.getByLabel('Naam', { exact: true }).fill('Werkdagen met een grens (gewijzigd)');
      await expect(page.getByRole('button', { name: 'Ja, campagne starten' }).count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Concept opslaan' }).click();
      await page.getByText('Wijzigingen opgeslagen.').waitFor();
      await page
        .getByRole('heading', { level: 1, name: 'Campagne bewerken: Werkdagen met een grens (gewijzigd)' })
        .waitFor();
      await expect(page.getByRole('button', { name: 'Ja, campagne starten' }).count()).resolves.toBe(0);
      // Not launched: the next test's campaign is the only one that starts.
      await api.delete(`/api/campaigns/${draftId}`).expect((response) => expect([200, 204]).toContain(response.status));
    } finally {
      await regionAdmin
        .patch(`/api/regions/${regionId}/settings`)
        .send({ closingDays: before.closingDays })
        .expect(200);
    }
  });

  it('should build a two-step campaign, show the api launch summary, launch it and mail every enrolled contact', async () => {
    await page.goto(`${web.url}/campagnes/segmenten/${segmentId}`);
    await page.getByRole('link', { name: 'Campagne met dit segment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe campagne' }).waitFor();
    const segmentTotal = (await api.get(`/api/segments/${segmentId}/preview`).expect(200)).body.total as number;
    await page
      .getByTestId('segment-total')
      .filter({ hasText: new RegExp(`^${segmentTotal}$`) })
      .waitFor();
    await expect(page.getByLabel('Afzender').locator('option:checked').textContent()).resolves.toContain(manager.name);

    await page.getByLabel('Naam', { exact: true }).fill('Kennismaking horeca en zorg');
    await page.getByLabel('Sjabloon van stap 1').selectOption({ label: 'Kennismaking — Samen praktijkleren?' });
    await page.getByRole('button', { name: 'Wachttijd toevoegen' }).click();
    await expect(page.getByLabel('Kalender van stap 2').inputValue()).resolves.toBe('working-days');
    await page.getByLabel('Wachttijd van stap 2').fill('2');
    await page.getByRole('button', { name: 'E-mail toevoegen' }).click();
    await page.getByLabel('Sjabloon van stap 3').selectOption({ label: 'Herinnering — Nog even over praktijkleren' });

    // A task added and moved up by keyboard, then removed again: the buttons work without a mouse.
    await page.getByRole('button', { name: 'Taak toevoegen' }).click();
    await page.getByLabel('Taak van stap 4').fill('Nabellen');
    await page.getByRole('button', { name: 'Omhoog: stap 4, taak' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Taak van stap 3').inputValue()).resolves.toBe('Nabellen');
    // The keyboard stays on the moved step's own button, and a screen reader hears where it went.
    await expect(focusedName()).resolves.toBe('Omhoog: stap 3, taak');
    await expect(page.getByTestId('step-announcement').textContent()).resolves.toBe('Stap 4 staat nu op plaats 3.');
    await page.getByRole('button', { name: 'Verwijderen: stap 3, taak' }).focus();
    await page.keyboard.press('Enter');
    // Removed: the keyboard goes to the step that took its place, not to the page.
    await expect(focusedName()).resolves.toBe('Omhoog: stap 3, e-mail');
    await expect(page.locator('ol.step-timeline > li h3').allTextContents()).resolves.toEqual([
      'Stap 1: E-mail',
      'Stap 2: Wachten',
      'Stap 3: E-mail',
    ]);

    await page.getByLabel('Altijd verzenden (geen verzendvenster)').check();
    const firstPreview = page.waitForResponse(isPreview);
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.waitForURL(/\/campagnes\/[0-9a-f-]{36}\/bewerken$/);
    campaignId = page.url().split('/').slice(-2)[0];
    await page.getByText('Concept opgeslagen.').waitFor();

    const saved = (await api.get(`/api/campaigns/${campaignId}`).expect(200)).body;
    expect(saved).toMatchObject({
      name: 'Kennismaking horeca en zorg',
      status: 'draft',
      segmentId,
      senderId: (await api.get('/api/auth/me').expect(200)).body.id,
      sendWindow: null,
      maxPerHour: null,
      contactScope: 'primary',
      exitStage: 'interested',
    });
    expect(saved.steps.map((step: { type: string; duration?: string }) => step.duration ?? step.type)).toEqual([
      'email',
      'P2D',
      'email',
    ]);

    // The summary shows what the api answered the screen, and the same figures the api gives us.
    const shown = await (await firstPreview).json();
    const preview = (await api.get(`/api/campaigns/${campaignId}/preview`).expect(200)).body;
    expect({ ...shown, firstSendAt: undefined }).toEqual({ ...preview, firstSendAt: undefined });
    expect(preview.audience).toBe(segmentTotal);
    expect(preview.wouldEnrol).toBeGreaterThan(0);
    await page
      .getByTestId('summary-audience')
      .filter({ hasText: `${preview.audience} werkgevers` })
      .waitFor();
    await expect(page.getByTestId('summary-enrol').textContent()).resolves.toBe(
      `${preview.wouldEnrol} ${preview.wouldEnrol === 1 ? 'contactpersoon' : 'contactpersonen'}`,
    );
    for (const [reason, count] of Object.entries(preview.skipped as Record<string, number>)) {
      await expect(page.getByTestId(`skipped-${reason}`).textContent()).resolves.toBe(String(count));
    }
    const amsterdam = new Intl.DateTimeFormat('nl-NL', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Amsterdam',
    });
    await expect(page.getByTestId('summary-first-send').textContent()).resolves.toBe(
      amsterdam.format(new Date(shown.firstSendAt)),
    );
    await expect(page.getByRole('rowheader', { name: 'Geen e-mailgrondslag' }).count()).resolves.toBe(1);
    await expectAccessible('campaign builder');
    // Down to the step timeline; the summary stays in view beside it.
    await page.mouse.wheel(0, 420);
    await waitForExpression(page, 'window.scrollY > 0');
    await screenshot(page, 'campaign-builder');

    // An unsaved change holds the launch back until it is saved.
    await page.getByLabel('Naam', { exact: true }).fill('Kennismaking horeca en zorg (voorjaar)');
    await expect(page.getByRole('button', { name: 'Campagne starten' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.getByText('Wijzigingen opgeslagen.').waitFor();
    await expect(api.get(`/api/campaigns/${campaignId}`).then((r) => r.body.name)).resolves.toBe(
      'Kennismaking horeca en zorg (voorjaar)',
    );

    await page.getByRole('button', { name: 'Campagne starten' }).click();
    await page.getByRole('button', { name: 'Ja, campagne starten' }).click();
    await page.waitForURL(new RegExp(`/campagnes/${campaignId}$`));

    const messages = await sink.waitFor(preview.wouldEnrol, 30000);
    const enrolled = await sql<{ email: string }>(
      `SELECT c.email FROM enrolments e JOIN contacts c ON c.id = e.contact_id WHERE e.campaign_id = $1`,
      [campaignId],
    );
    expect(enrolled).toHaveLength(preview.wouldEnrol);
    const recipients = messages.map((message) => message.envelope.rcptTo[0]);
    expect([...recipients].sort()).toEqual(enrolled.map((row) => row.email.toLowerCase()).sort());
    expect(new Set(messages.map((message) => message.parsed.subject))).toEqual(new Set(['Samen praktijkleren?']));
    launched = { messages, enrolled };
  });

  it('should count the sent e-mails on the monitor and exit the contact who replies through the inbound SMTP port', async () => {
    // Still on the monitor the launch landed on; it polls by itself, so no reload from here on.
    await page.waitForURL(new RegExp(`/campagnes/${campaignId}$`));
    const results = page.getByRole('region', { name: 'Resultaten', exact: true });
    const counter = (label: string, value: number) =>
      results
        .locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
        .locator('dd', { hasText: new RegExp(`^${value}$`) });
    await counter('Verstuurd', launched.enrolled.length).waitFor({ timeout: 30000 });
    await counter('Gereageerd', 0).waitFor();

    // The contact answers the received e-mail: to its Reply-To, through the api's inbound SMTP port.
    const received = launched.messages[0];
    const replier = received.envelope.rcptTo[0];
    const replyTo = received.parsed.replyTo?.value[0]?.address;
    expect(replyTo).toMatch(/^reply\+[0-9a-z]+@inbound\.vliegwiel\.test$/i);
    await nodemailer
      .createTransport({
        host: '127.0.0.1',
        port: web.testApp.app.get(InboundReceiver).port!,
        secure: false,
        ignoreTLS: true,
      })
      .sendMail({
        envelope: { from: replier, to: [replyTo!] },
        from: replier,
        to: replyTo,
        subject: `Re: ${received.parsed.subject}`,
        inReplyTo: received.parsed.messageId,
        text: 'Leuk, bel me volgende week.',
      });

    await counter('Gereageerd', 1).waitFor({ timeout: 30000 });
    // Only the replier has left, with the reason; the filter finds them whatever page they are on.
    await page.getByLabel('Status inschrijving').selectOption({ label: 'Uitgestapt' });
    const enrolments = page.getByRole('table', { name: /^Inschrijvingen/ });
    const rowOf = (email: string) =>
      enrolments.getByRole('row').filter({ hasText: new RegExp(escapeRegExp(email), 'i') });
    // The filtered page has replaced the full one once the others are gone.
    for (const other of launched.messages.slice(1))
      await rowOf(other.envelope.rcptTo[0]).waitFor({ state: 'detached' });
    const row = rowOf(replier);
    await row.getByRole('cell', { name: 'Gereageerd', exact: true }).waitFor();
    await row.getByRole('cell', { name: 'Uitgestapt', exact: true }).waitFor();
    await expect(enrolments.locator('tbody').getByRole('row').count()).resolves.toBe(1);
    await counter('Verstuurd', launched.enrolled.length).waitFor();
  });

  it('should not offer to edit a campaign that has started and point to its monitor instead', async () => {
    await page.goto(`${web.url}/campagnes/${campaignId}/bewerken`);
    await page.getByText('Deze campagne is al gestart en kan niet meer worden gewijzigd.').waitFor();
    await expect(page.getByRole('button', { name: 'Concept opslaan' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Naar de voortgang van de campagne' }).click();
    await page.waitForURL(new RegExp(`/campagnes/${campaignId}$`));
  });

  it('should show WSP staff the segments and their filter but no way to change them', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await signIn(staff.email, staff.password);
    await page.goto(`${web.url}/campagnes/segmenten`);
    await page.getByRole('link', { name: 'Prospects in horeca en zorg', exact: true }).waitFor();
    await expect(page.getByRole('link', { name: 'Nieuw segment' }).count()).resolves.toBe(0);
    await page.goto(`${web.url}/campagnes/segmenten/${segmentId}`);
    await page.getByRole('heading', { level: 1, name: 'Prospects in horeca en zorg' }).waitFor();
    await expect(page.getByLabel('Waarde van voorwaarde 1').first().isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /opslaan/ }).count()).resolves.toBe(0);
    await expectAccessible('segment (read only)');
  });
});
