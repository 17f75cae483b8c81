import { randomBytes } from 'node:crypto';
import { jest } from '@jest/globals';
import nodemailer from 'nodemailer';
import type { Page } from 'playwright-core';
import { InboundReceiver } from '@app/outreach';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { DEMO_USERS } from '../../apps/api/demo/demo-people';
import { authed, login } from '../support/session';
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
 * The campaign list and monitor in real chromium against the real api, queue workers, an SMTP sink
 * and the inbound SMTP receiver: a launched campaign's counters move as mail goes out, a reply
 * through the inbound port exits that contact, and pause, resume, remove and cancel work from the screen.
 */
const DOMAIN = 'inbound.vliegwiel.test';
const manager = DEMO_USERS.find((user) => user.role === 'account_manager')!;
const staff = DEMO_USERS.find((user) => user.role === 'wsp_staff')!;

jest.setTimeout(90000);

let web: WebApp;
let sink: SmtpSink;
let browser: Browser;
let page: Page;
let api: ReturnType<typeof authed>;
let campaignId: string;
const tag = `monitor-${randomBytes(3).toString('hex')}`;
const campaignName = `Kennismaking ${tag}`;
const contacts: { id: string; email: string; name: string }[] = [];

/** Waits until a counter of the monitor shows `value` (the monitor polls by itself). */
async function counterReaches(key: string, value: number) {
  await page.locator(`[data-counter="${key}"] dd`, { hasText: new RegExp(`^${value}$`) }).waitFor({ timeout: 30000 });
}

function enrolmentRow(contactId: string) {
  return page.locator(`tr[data-contact="${contactId}"]`);
}

beforeAll(async () => {
  sink = await startSmtpSink();
  web = await startWebApp({ SMTP_URL: sink.url, INBOUND_DOMAIN: DOMAIN, INBOUND_SMTP_PORT: '0' });
  api = authed(web.testApp, await login(web.testApp, manager.email, manager.password));
  const me = await api.get('/api/auth/me').expect(200);
  const regionId: string = me.body.regionIds[0];

  // Three new prospects with one mailable contact each, tagged so the segment holds exactly them.
  for (const [index, last] of ['Jansen', 'de Boer', 'Visser'].entries()) {
    const employer = await api
      .post('/api/employers')
      .send({
        name: `Monitorbedrijf ${index + 1} ${tag}`,
        kvkNumber: `9${randomBytes(4).readUInt32BE(0) % 10_000_000}`.padEnd(8, '0'),
        regionId,
        tags: [tag],
      })
      .expect(201);
    const email = `${last.replace(/\s/g, '').toLowerCase()}.${tag}@monitor.example`;
    const contact = await api
      .post(`/api/employers/${employer.body.id}/contacts`)
      .send({ firstName: 'Kim', lastName: last, email, emailBasis: 'consent' })
      .expect(201);
    contacts.push({ id: contact.body.id, email, name: `Kim ${last}` });
  }
  const segment = await api
    .post('/api/segments')
    .send({ regionId, name: `Segment ${tag}`, filter: { all: [{ field: 'tag', op: 'eq', value: tag }] } })
    .expect(201);
  const template = await api
    .post('/api/templates')
    .send({
      regionId,
      name: `Sjabloon ${tag}`,
      subject: 'Samen praktijkleren?',
      html: '<p>Beste {{contact.firstName}} van {{employer.name}},</p><p>Zullen we kennismaken?</p>',
    })
    .expect(201);
  const campaign = await api
    .post('/api/campaigns')
    .send({
      name: campaignName,
      regionId,
      segmentId: segment.body.id,
      sendWindow: null,
      steps: [
        { type: 'email', templateId: template.body.id },
        // Long enough that the second e-mail never goes out while the test runs.
        { type: 'wait', duration: 'PT30M', calendar: 'calendar-days' },
        { type: 'email', templateId: template.body.id },
      ],
    })
    .expect(201);
  campaignId = campaign.body.id;

  browser = await openBrowser();
  page = browser.page;
  page.setDefaultTimeout(20000);
}, 90000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await sink?.close();
});

afterEach(() => {
  expect(browser.errors).toEqual([]);
  browser.errors.length = 0;
});

describe('campaign list and monitor', () => {
  it('should list the draft campaign in Dutch and open its monitor with only the actions a draft allows', async () => {
    await signIn(page, web, manager.email, manager.password);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Campagnes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campagnes' }).waitFor();
    const row = page.locator('table.data tbody tr', { hasText: campaignName });
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('Concept');
    await expect(page.getByRole('link', { name: 'Nieuwe campagne' }).getAttribute('href')).resolves.toBe(
      '/campagnes/nieuw',
    );
    await expectAccessible(page, 'campaign list');
    await screenshot(page, 'campaigns');

    await page.getByLabel('Status').selectOption('running');
    await page.getByText('Geen campagnes met deze status.').waitFor();
    expect(page.url()).toContain('status=running');
    await page.getByLabel('Status').selectOption('draft');
    await row.waitFor();

    await row.getByRole('link', { name: campaignName }).click();
    await page.getByRole('heading', { level: 1, name: campaignName }).waitFor();
    await page.locator('.campaign-status', { hasText: 'Concept' }).waitFor();
    await expect(page.getByRole('link', { name: 'Opzet bewerken' }).getAttribute('href')).resolves.toBe(
      `/campagnes/${campaignId}/bewerken`,
    );
    await expect(page.getByRole('button', { name: 'Pauzeren' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Annuleren' }).count()).resolves.toBe(1);
    await expectAccessible(page, 'campaign monitor (draft)');
  });

  it('should count every first e-mail as sent once the campaign launches', async () => {
    await api.post(`/api/campaigns/${campaignId}/launch`).expect(202);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: campaignName }).waitFor();

    // The monitor polls on its own: no reload from here on.
    await counterReaches('sent', 3);
    await page.locator('.campaign-status', { hasText: 'Loopt' }).waitFor();
    await page.getByText('3 contactpersonen ingeschreven bij 3 werkgevers.').waitFor();
    const stepRow = page.locator('table.step-results tbody tr').first();
    await stepRow.locator('th', { hasText: /^Stap 1 \(e-mail\)$/ }).waitFor();
    await stepRow.locator('td').first().filter({ hasText: /^3$/ }).waitFor();
    expect(sink.messages.filter((message) => message.envelope.rcptTo[0].endsWith('@monitor.example'))).toHaveLength(3);
    for (const contact of contacts) {
      const row = enrolmentRow(contact.id);
      // Name and address come with the enrolment list itself (one request per page, not per row).
      await row.getByRole('link', { name: contact.name }).waitFor();
      await row.getByText(contact.email).waitFor();
      await row
        .locator('td')
        .nth(1)
        .filter({ hasText: /^Actief$/ })
        .waitFor();
      // After the e-mail the wait is taken at once: the next step is the second e-mail, half an hour on.
      await row
        .locator('td')
        .nth(3)
        .filter({ hasText: /^Stap 3 \(e-mail\)$/ })
        .waitFor();
    }
    await expectAccessible(page, 'campaign monitor (running)');
    await screenshot(page, 'campaign-monitor');
  });

  it('should show "Gereageerd" and count the reply when a contact answers through the inbound SMTP port', async () => {
    const replier = contacts[0];
    const sent = async () =>
      (
        await sql<{ reply_token: string; message_id: string }>(
          web,
          `SELECT reply_token, message_id FROM send_ledger WHERE campaign_id = $1 AND to_email = $2 AND status = 'sent'`,
          [campaignId, replier.email],
        )
      )[0];
    for (let tries = 0; !(await sent()) && tries < 100; tries += 1) await new Promise((r) => setTimeout(r, 200));
    const { reply_token, message_id } = await sent();
    const to = `reply+${reply_token}@${DOMAIN}`;
    await nodemailer
      .createTransport({
        host: '127.0.0.1',
        port: web.testApp.app.get(InboundReceiver).port!,
        secure: false,
        ignoreTLS: true,
      })
      .sendMail({
        envelope: { from: replier.email, to: [to] },
        from: `${replier.name} <${replier.email}>`,
        to,
        subject: 'Re: Samen praktijkleren?',
        inReplyTo: message_id,
        text: 'Leuk, bel me volgende week.',
      });

    await enrolmentRow(replier.id).getByRole('cell', { name: 'Gereageerd' }).waitFor({ timeout: 30000 });
    await enrolmentRow(replier.id)
      .locator('td')
      .nth(1)
      .filter({ hasText: /^Uitgestapt$/ })
      .waitFor();
    await counterReaches('replied', 1);
    // Columns: sent, not delivered, refused, replied, unsubscribed.
    await page.locator('table.step-results tbody tr').first().locator('td').nth(3).filter({ hasText: /^1$/ }).waitFor();
    for (const other of contacts.slice(1))
      await enrolmentRow(other.id)
        .locator('td')
        .nth(1)
        .filter({ hasText: /^Actief$/ })
        .waitFor();

    await page.getByLabel('Status inschrijving').selectOption('exited');
    await enrolmentRow(contacts[1].id).waitFor({ state: 'detached' });
    await expect(page.locator('table.enrolments tbody tr').count()).resolves.toBe(1);
    await enrolmentRow(replier.id).waitFor();
    await page.getByLabel('Status inschrijving').selectOption('');
    await enrolmentRow(contacts[1].id).waitFor();
  });

  it('should take one contact out of the campaign after confirming', async () => {
    const leaving = contacts[2];
    await page.getByRole('button', { name: `Uit campagne halen (${leaving.name})` }).click();
    await page.getByRole('dialog', { name: 'Uit campagne halen?' }).waitFor();
    // It cannot be undone: the dialog opens on "Terug", so Enter does not confirm by accident.
    await waitForFocus(page, 'dialog button', 'Terug');
    await expectAccessible(page, 'remove enrolment dialog');
    await page.getByRole('button', { name: 'Ja, uit campagne halen' }).click();
    await enrolmentRow(leaving.id).getByRole('cell', { name: 'Uit campagne gehaald' }).waitFor();
    // Its button is gone with the active enrolment: focus lands on the list's heading, not on the body.
    await waitForFocus(page, '#enrolments-title');
    const [row] = await sql<{ status: string; exit_reason: string }>(
      web,
      `SELECT status, exit_reason FROM enrolments WHERE campaign_id = $1 AND contact_id = $2`,
      [campaignId, leaving.id],
    );
    expect(row).toEqual({ status: 'exited', exit_reason: 'removed' });
  });

  it('should pause, resume and cancel from the buttons, each after confirming', async () => {
    await page.getByRole('button', { name: 'Pauzeren' }).click();
    await page.getByRole('dialog', { name: 'Campagne pauzeren?' }).waitFor();
    await waitForFocus(page, 'dialog button', 'Ja, pauzeren');
    await page.getByRole('button', { name: 'Terug' }).click();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await page.locator('.campaign-status', { hasText: 'Loopt' }).waitFor();
    await waitForFocus(page, '.monitor-actions button', 'Pauzeren');

    await page.getByRole('button', { name: 'Pauzeren' }).click();
    await page.getByRole('button', { name: 'Ja, pauzeren' }).click();
    await page.locator('.campaign-status', { hasText: 'Gepauzeerd' }).waitFor();
    await page.getByRole('button', { name: 'Hervatten' }).waitFor();
    await expect(page.getByRole('button', { name: 'Pauzeren' }).count()).resolves.toBe(0);
    // "Pauzeren" went away with the pause: focus moves to the action that took its place.
    await waitForFocus(page, '.monitor-actions button', 'Hervatten');
    expect((await api.get(`/api/campaigns/${campaignId}`).expect(200)).body.status).toBe('paused');

    await page.getByRole('button', { name: 'Hervatten' }).click();
    await page.getByRole('button', { name: 'Ja, hervatten' }).click();
    await page.locator('.campaign-status', { hasText: 'Loopt' }).waitFor();
    expect((await api.get(`/api/campaigns/${campaignId}`).expect(200)).body.status).toBe('running');

    await page.getByRole('button', { name: 'Annuleren' }).click();
    await waitForFocus(page, 'dialog button', 'Terug');
    await page.getByRole('button', { name: 'Ja, annuleren' }).click();
    await page.locator('.campaign-status', { hasText: 'Geannuleerd' }).waitFor();
    // No action is left: focus lands on the heading.
    await waitForFocus(page, '#campaign-title');
    await expect(page.getByRole('button', { name: /Annuleren|Pauzeren|Hervatten/ }).count()).resolves.toBe(0);
    expect((await api.get(`/api/campaigns/${campaignId}`).expect(200)).body.status).toBe('cancelled');

    // A cancelled campaign is final: the monitor stops asking.
    let polls = 0;
    const count = (request: { url(): string }) => {
      if (request.url().includes(`/api/campaigns/${campaignId}`)) polls += 1;
    };
    await page.waitForTimeout(500);
    page.on('request', count);
    await page.waitForTimeout(4000);
    page.off('request', count);
    expect(polls).toBe(0);
    await expectAccessible(page, 'campaign monitor (cancelled)');
  });

  it('should show a WSP employee the monitor without any action', async () => {
    await signOut(page);
    await signIn(page, web, staff.email, staff.password);
    await page.goto(`${web.url}/campagnes`);
    await page.getByRole('heading', { level: 1, name: 'Campagnes' }).waitFor();
    await page.locator('table.data tbody tr', { hasText: campaignName }).waitFor();
    await expect(page.getByRole('link', { name: 'Nieuwe campagne' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: campaignName }).click();
    await page.getByRole('heading', { level: 1, name: campaignName }).waitFor();
    await enrolmentRow(contacts[0].id).waitFor();
    await expect(page.getByRole('button', { name: /Uit campagne halen|Annuleren|Pauzeren/ }).count()).resolves.toBe(0);
  });

  it('should show an error, not a blank screen, for a campaign that does not exist', async () => {
    await page.goto(`${web.url}/campagnes/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Niet gevonden|niet gevonden/);
    await page.getByRole('navigation', { name: 'Campagnes en toebehoren' }).waitFor();
  });
});
