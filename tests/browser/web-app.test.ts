import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { Page } from 'playwright-core';
import { DEMO_USERS } from '../../apps/api/demo/demo-people';
import { openBrowser, screenshot, seriousViolations, startWebApp, type Browser, type WebApp } from './support/web-app';

/**
 * The web app in real chromium against the real api (PostgreSQL, Redis, queue workers) with the demo
 * data: the daily work of a WSP coordinator, the rules of the pipeline, a CSV import, region scope,
 * role-dependent navigation, and axe-core on every main screen.
 */
const coordinator = DEMO_USERS.find((user) => user.role === 'coordinator' && user.regions.includes('main'))!;
const staff = DEMO_USERS.find((user) => user.role === 'wsp_staff')!;
const admin = DEMO_USERS.find((user) => user.role === 'admin')!;

// Two cores shared by the whole suite: give a busy machine room, the steps themselves take a second or two.
jest.setTimeout(60000);

let web: WebApp;
let browser: Browser;
let page: Page;
// Every employer list request the app made: the list must page on the server, never fetch everything.
const listRequests: URL[] = [];

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

/** What has the keyboard focus: its text and whether it sits inside `selector` (strings: no DOM lib here). */
async function focused(selector = 'body'): Promise<{ text: string; inside: boolean }> {
  return (await page.evaluate(`(() => {
    const element = document.activeElement;
    return { text: (element?.textContent ?? '').trim(), inside: Boolean(element?.closest(${JSON.stringify(selector)})) };
  })()`)) as { text: string; inside: boolean };
}

async function firstRowName(): Promise<string> {
  return (await page.locator('table.data tbody tr td:nth-child(2) a').first().textContent())!;
}

async function expectAccessible(name: string) {
  const violations = await seriousViolations(page);
  // The list names rule, impact and elements, so a failure says what to fix.
  expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
}

async function query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
  return (await web.testApp.app.get(DataSource).query(sql, parameters)) as T[];
}

async function employerNamed(name: string): Promise<{ id: string; stage: string; city: string | null }> {
  const [row] = await query<{ id: string; stage: string; city: string | null }>(
    `SELECT id, stage, city FROM organisations WHERE kind = 'employer' AND name = $1`,
    [name],
  );
  return row;
}

beforeAll(async () => {
  web = await startWebApp();
  browser = await openBrowser();
  page = browser.page;
  page.setDefaultTimeout(20000);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && url.pathname === '/api/employers') listRequests.push(url);
  });
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

afterEach(() => {
  // No screen may throw or log an error, whatever the test checked.
  expect(browser.errors).toEqual([]);
  browser.errors.length = 0;
});

describe('web app', () => {
  it('should refuse a wrong password with a Dutch message and keep the sign-in form when signing in fails', async () => {
    await page.goto(`${web.url}/werkgevers`);
    await page.getByLabel('E-mailadres').waitFor();
    await screenshot(page, 'sign-in');
    await page.getByLabel('E-mailadres').fill(coordinator.email);
    await page.getByLabel('Wachtwoord').fill('not-the-password');
    await page.getByRole('button', { name: 'Inloggen' }).click();

    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Onbekend e-mailadres of verkeerd wachtwoord',
    );
    await expectAccessible('sign-in');
  });

  it('should find an employer by name and open its page when a coordinator searches the list', async () => {
    await signIn(coordinator.email, coordinator.password);
    await expect(page.getByText(/^\d+ werkgevers$/).textContent()).resolves.toMatch(/^64 werkgevers$/);
    await expectAccessible('employer list');
    await screenshot(page, 'employers');

    await page.getByLabel('Zoeken').fill('Bakkerij Van der');
    await page.getByText('1 werkgever', { exact: true }).waitFor();
    await expect(page.locator('table.data tbody tr').count()).resolves.toBe(1);
    expect(page.url()).toContain('q=Bakkerij');
    await page.getByRole('link', { name: 'Bakkerij Van der Meulen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Bakkerij Van der Meulen' }).waitFor();
    await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
    await page.locator('ol.timeline li').first().waitFor();
    await expectAccessible('employer page');
    await screenshot(page, 'employer');
  });

  it('should show the api problem in Dutch under the field and save nothing when an edit is invalid, then save a valid edit', async () => {
    const before = await employerNamed('Bakkerij Van der Meulen');
    await page.getByRole('button', { name: 'Bewerken' }).click();
    // Opening the form moves focus into it (WCAG 2.4.3).
    await expect(focused('form, section')).resolves.toEqual({ text: 'Gegevens bewerken', inside: true });
    await page.getByLabel('KvK-nummer').fill('12');
    await page.getByRole('button', { name: 'Opslaan' }).click();

    const problem = page.locator('.field.invalid .field-error');
    await expect(problem.textContent()).resolves.toBe('moet precies 8 cijfers zijn');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('De invoer klopt niet.');
    await expect(page.getByLabel('KvK-nummer').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await employerNamed('Bakkerij Van der Meulen')).toEqual(before);
    await expectAccessible('employer edit with a problem');

    await page.getByLabel('KvK-nummer').fill('34100000');
    await page.getByLabel('Plaats').fill('Haarlem');
    await page.getByRole('button', { name: 'Opslaan' }).click();

    await page.locator('dl.details', { hasText: 'Haarlem' }).waitFor();
    expect((await employerNamed('Bakkerij Van der Meulen')).city).toBe('Haarlem');
    // Saved: the form is gone and focus is back on the button that opened it.
    await expect(focused()).resolves.toEqual({ text: 'Bewerken', inside: true });
  });

  it('should move the employer from its page, start the stage form at the new stage and name the cause in Dutch', async () => {
    await page.getByLabel('Nieuwe fase').selectOption('interested');
    await page.getByRole('button', { name: 'Fase wijzigen' }).click();

    await page.locator('.key-facts', { hasText: 'Geïnteresseerd' }).waitFor();
    await expect(page.getByLabel('Nieuwe fase').inputValue()).resolves.toBe('interested');
    await expect(page.getByRole('button', { name: 'Fase wijzigen' }).isDisabled()).resolves.toBe(true);
    await expect(page.locator('ol.history li').first().textContent()).resolves.toMatch(
      /Benaderd → Geïnteresseerd \(met de hand\)/,
    );
    expect((await employerNamed('Bakkerij Van der Meulen')).stage).toBe('interested');
  });

  it('should add the call to the timeline when a coordinator logs a call', async () => {
    await page.getByLabel('Soort').selectOption('call');
    await page.getByLabel('Samenvatting').fill('Gebeld met Jan over een leerbaan in de bakkerij');
    await page.getByRole('button', { name: 'Vastleggen' }).click();

    await page.locator('ol.timeline li', { hasText: 'Telefoongesprek: Gebeld met Jan over een leerbaan' }).waitFor();
    const [activity] = await query<{ type: string }>(
      `SELECT type FROM activities WHERE summary = 'Gebeld met Jan over een leerbaan in de bakkerij'`,
    );
    expect(activity).toEqual({ type: 'call' });
  });

  it('should record a new e-mail basis for a contact and keep the old one in its history', async () => {
    const [contact] = await query<{ id: string; name: string }>(
      `SELECT c.id, concat_ws(' ', c.first_name, c.last_name) AS name FROM contacts c
         JOIN organisations o ON o.id = c.organisation_id
        WHERE o.name = 'Bakkerij Van der Meulen' ORDER BY c.is_primary DESC, c.last_name LIMIT 1`,
    );
    await page.getByRole('button', { name: `Grondslag wijzigen voor ${contact.name}` }).click();
    await page.getByLabel(`Grondslag e-mail voor ${contact.name}`).selectOption('published_for_purpose');
    await page.getByLabel('Bron').fill('Vacaturesite van de werkgever');
    await page.locator('form.basis-form').getByRole('button', { name: 'Opslaan' }).click();

    await page.locator('li.contact', { hasText: contact.name }).getByText('Gepubliceerd voor dit doel').waitFor();
    const history = await query<{ basis: string }>(
      `SELECT basis FROM contact_basis_history WHERE contact_id = $1 ORDER BY at`,
      [contact.id],
    );
    expect(history.map((row) => row.basis).slice(-1)).toEqual(['published_for_purpose']);
    expect(history.length).toBeGreaterThan(1);

    // Changing only the basis keeps the stored source: the form starts with it and sends only what changed.
    await page.getByRole('button', { name: `Grondslag wijzigen voor ${contact.name}` }).click();
    await expect(page.getByLabel('Bron').inputValue()).resolves.toBe('Vacaturesite van de werkgever');
    await page.getByLabel(`Grondslag e-mail voor ${contact.name}`).selectOption('consent');
    await page.locator('form.basis-form').getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('li.contact', { hasText: contact.name }).getByText('Grondslag: Toestemming').waitFor();
    const [stored] = await query<{ email_basis: string; email_basis_source: string }>(
      `SELECT email_basis, email_basis_source FROM contacts WHERE id = $1`,
      [contact.id],
    );
    expect(stored).toEqual({ email_basis: 'consent', email_basis_source: 'Vacaturesite van de werkgever' });
    await expect(focused()).resolves.toEqual({ text: `Grondslag wijzigen voor ${contact.name}`, inside: true });
  });

  it('should start clean on the next employer when the address changes while a form is open', async () => {
    const [other] = await query<{ id: string; name: string }>(
      `SELECT o.id, o.name FROM organisations o JOIN regions r ON r.id = o.region_id
        WHERE r.code = 'AM18' AND o.kind = 'employer' AND o.name <> 'Bakkerij Van der Meulen' ORDER BY o.name LIMIT 1`,
    );
    await page.getByRole('button', { name: 'Bewerken' }).click();
    await page.getByRole('heading', { name: 'Gegevens bewerken' }).waitFor();
    // In-app navigation (as Back/Forward does): same screen, other id.
    await page.evaluate(
      `history.pushState(null, '', '/werkgevers/${other.id}'); dispatchEvent(new PopStateEvent('popstate'))`,
    );

    await page.getByRole('heading', { level: 1, name: other.name }).waitFor();
    await expect(page.getByRole('heading', { name: 'Gegevens bewerken' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Bewerken' }).waitFor();
  });

  it('should open the page of a new employer when it is created from the list', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkgevers' }).click();
    await page.getByText('Nieuwe werkgever').click();
    await page.getByLabel('Naam', { exact: true }).fill('Drukkerij Nieuw Begin');
    await page.getByLabel('KvK-nummer').fill('11223344');
    await page.getByRole('button', { name: 'Aanmaken' }).click();

    await page.getByRole('heading', { level: 1, name: 'Drukkerij Nieuw Begin' }).waitFor();
    const created = await employerNamed('Drukkerij Nieuw Begin');
    expect(page.url()).toBe(`${web.url}/werkgevers/${created.id}`);
    expect(created.stage).toBe('prospect');
  });

  it('should add a tag to every selected employer when a bulk action is applied', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkgevers' }).click();
    const [{ count }] = await query<{ count: number }>(
      `SELECT count(*)::int AS count FROM organisations o JOIN regions r ON r.id = o.region_id
        WHERE o.kind = 'employer' AND o.size_class = 'large' AND r.code = 'AM18'`,
    );
    await page.getByText('Meer filters').click();
    await page.getByLabel('Grootte').selectOption('large');
    // The old page stays while the filtered one loads: wait for the filtered answer.
    await page.getByText(`${count} werkgevers`, { exact: true }).waitFor();
    await page.locator('.table-wrap[aria-busy="false"]').waitFor();
    const names = await page.locator('table.data tbody tr td:nth-child(2) a').allTextContents();
    await page.getByLabel('Alle werkgevers op deze pagina selecteren').check();
    await page.getByLabel('Actie', { exact: true }).selectOption('tag');
    await page.getByLabel('Nieuw label').fill('browsertest');
    await page.getByRole('button', { name: 'Toepassen' }).click();

    await page.getByText(`${names.length} van ${names.length} werkgevers bijgewerkt.`).waitFor();
    const tagged = await query<{ name: string }>(
      `SELECT name FROM organisations WHERE 'browsertest' = ANY(tags) ORDER BY name`,
    );
    expect(tagged.map((row) => row.name)).toEqual([...names].sort((x, y) => x.localeCompare(y, 'nl')));
    expect(names.length).toBeGreaterThan(1);
  });

  it('should keep a saved view of the filters for this user when the page is loaded again', async () => {
    await page.getByLabel('Weergave opslaan als').fill('Grote werkgevers');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.goto(`${web.url}/werkgevers`);
    await page.getByRole('link', { name: 'Grote werkgevers' }).click();

    await page.waitForURL(/sizeClass=large/);
    await expect(page.getByLabel('Grootte').inputValue()).resolves.toBe('large');
  });

  it('should give the selected employers a new owner only after one is chosen, and drop the selection when the filter changes', async () => {
    await page.goto(`${web.url}/werkgevers?sizeClass=large`);
    await page.locator('.table-wrap[aria-busy="false"]').waitFor();
    // The bulk bar appears only once rows are selected.
    await expect(page.getByRole('region', { name: 'Bulkacties' }).count()).resolves.toBe(0);
    const [first, second] = await page.locator('table.data tbody tr td:nth-child(2) a').allTextContents();
    await page.getByLabel(`${first} selecteren`).check();
    await page.getByLabel(`${second} selecteren`).check();
    await page.getByLabel('Actie', { exact: true }).selectOption('owner');
    // Nothing chosen yet: "Kies…", and applying is not possible (no accidental "Niemand").
    await expect(page.getByLabel('Nieuwe eigenaar').inputValue()).resolves.toBe('');
    await expect(page.getByRole('button', { name: 'Toepassen' }).isDisabled()).resolves.toBe(true);
    const [owner] = await query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [coordinator.email]);
    await page.getByLabel('Nieuwe eigenaar').selectOption(owner.id);
    await page.getByRole('button', { name: 'Toepassen' }).click();

    await page.getByText('2 van 2 werkgevers bijgewerkt.').waitFor();
    const owners = await query<{ owner: string }>(
      `SELECT u.email AS owner FROM organisations o JOIN users u ON u.id = o.owner_id WHERE o.name = ANY($1)`,
      [[first, second]],
    );
    expect(owners).toEqual([{ owner: coordinator.email }, { owner: coordinator.email }]);

    await page.getByLabel('Grootte').selectOption('');
    await page.waitForURL((url) => !url.search.includes('sizeClass'));
    await expect(page.getByRole('region', { name: 'Bulkacties' }).count()).resolves.toBe(0);
    await expect(page.locator('table.data tbody input[type="checkbox"]:checked').count()).resolves.toBe(0);
  });

  it('should sort by a column and page through the list when a header and Volgende are clicked', async () => {
    await page.goto(`${web.url}/werkgevers?pageSize=25`);
    await page.locator('.table-wrap[aria-busy="false"]').waitFor();
    const byName = await firstRowName();
    const cityHeader = page.locator('th', { has: page.getByRole('button', { name: /^Plaats/ }) });
    await expect(cityHeader.getAttribute('aria-sort')).resolves.toBe('none');

    await page.getByRole('button', { name: /^Plaats/ }).click();
    await page.waitForURL(/sort=city/);
    await cityHeader.and(page.locator('[aria-sort="ascending"]')).waitFor();
    await page.getByRole('button', { name: /^Plaats/ }).click();
    await page.waitForURL(/sort=-city/);
    await cityHeader.and(page.locator('[aria-sort="descending"]')).waitFor();
    await page.locator('.table-wrap[aria-busy="false"]').waitFor();
    const [{ city }] = await query<{ city: string }>(
      `SELECT max(o.city) AS city FROM organisations o JOIN regions r ON r.id = o.region_id
        WHERE o.kind = 'employer' AND r.code = 'AM18'`,
    );
    await expect(page.locator('table.data tbody tr').first().locator('td:nth-child(4)').textContent()).resolves.toBe(
      city,
    );
    await expect(firstRowName()).resolves.not.toBe(byName);

    const pageOne = await page.locator('table.data tbody tr td:nth-child(2) a').allTextContents();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.waitForURL(/page=2/);
    await page.getByText('Pagina 2 van').waitFor();
    await page.locator('.table-wrap[aria-busy="false"]').waitFor();
    const pageTwo = await page.locator('table.data tbody tr td:nth-child(2) a').allTextContents();
    expect(pageTwo.length).toBeGreaterThan(0);
    expect(pageTwo.filter((name) => pageOne.includes(name))).toEqual([]);
  });

  it('should download the filtered list as CSV with a formula-like cell neutralised when Exporteren is clicked', async () => {
    const [target] = await query<{ id: string; city: string | null }>(
      `SELECT o.id, o.city FROM organisations o JOIN regions r ON r.id = o.region_id
        WHERE o.kind = 'employer' AND r.code = 'AM18' ORDER BY o.name DESC LIMIT 1`,
    );
    await query(`UPDATE organisations SET city = '=cmd|calc' WHERE id = $1`, [target.id]);
    await page.goto(`${web.url}/werkgevers?q=${encodeURIComponent('=cmd')}`);
    await page.getByText('1 werkgever', { exact: true }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteren als CSV' }).click(),
    ]);
    const file = await download.path();
    const csv = readFileSync(file, 'utf8');
    expect(download.suggestedFilename()).toBe('werkgevers.csv');
    expect(csv).toContain("'=cmd|calc");
    expect(csv).not.toMatch(/(^|[,;])=cmd/m);
    await query(`UPDATE organisations SET city = $2 WHERE id = $1`, [target.id, target.city]);
  });

  it('should show a Dutch error with a retry and keep the navigation when the list request fails', async () => {
    const employerList = (url: URL) => url.pathname === '/api/employers';
    await page.route(employerList, (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 500,
          error: 'Internal Server Error',
          message: 'Internal error',
          details: [],
        }),
      }),
    );
    try {
      await page.goto(`${web.url}/werkgevers?stage=prospect`);
      const alert = page.getByRole('alert');
      await expect(alert.textContent()).resolves.toContain('Er ging iets mis op de server.');
      await alert.getByRole('button', { name: 'Opnieuw proberen' }).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Pijplijn' }).waitFor();
    } finally {
      await page.unroute(employerList);
    }
    await page.getByRole('alert').getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.locator('table.data tbody tr').first().waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
  });

  it('should move an employer when its card is dragged to the next stage, and snap a forbidden move back with the reason', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Pijplijn' }).click();
    const prospects = page.locator('section.column[data-stage="prospect"]');
    const contacted = page.locator('section.column[data-stage="contacted"]');
    const pilots = page.locator('section.column[data-stage="sw_pilot"]');
    // Grab the card by its top and drop on the column's heading: a drop lower down would scroll the page mid-drag.
    const dragOptions = { sourcePosition: { x: 8, y: 8 }, targetPosition: { x: 20, y: 10 } };
    await prospects.locator('li.card-item').first().waitFor();
    await expectAccessible('pipeline board');
    await screenshot(page, 'pipeline');

    const prospectCount = Number(await prospects.locator('.count').textContent());
    const card = prospects.locator('li.card-item').first();
    const name = (await card.getByRole('link').textContent())!;
    // Watch the old column: once the card has left it, it must never come back (no snap back, then forward).
    await page.evaluate(`(() => {
      const column = document.querySelector('section.column[data-stage="prospect"] ul');
      window.__returned = 0;
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node.textContent && node.textContent.includes(${JSON.stringify(name)})) window.__returned += 1;
      }).observe(column, { childList: true });
    })()`);
    await card.dragTo(contacted, dragOptions);

    await contacted.locator('li.card-item', { hasText: name }).waitFor();
    // The card moves at once; the counts follow when the api has confirmed the move.
    await prospects.locator('.count', { hasText: new RegExp(`^${prospectCount - 1}$`) }).waitFor();
    expect((await employerNamed(name)).stage).toBe('contacted');
    await page.locator('.board[aria-busy="false"], [aria-busy="false"] > .board').first().waitFor();
    await expect(page.evaluate('window.__returned')).resolves.toBe(0);

    // SW-pilot follows from trajectories: by hand the api answers 409 and the card goes back.
    const moved = contacted.locator('li.card-item', { hasText: name });
    await moved.dragTo(pilots, dragOptions);
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain(`${name} is niet verplaatst`);
    await expect(alert.textContent()).resolves.toContain('volgt uit trajecten en succesverhalen');
    await expect(alert.textContent()).resolves.not.toMatch(/sw_pilot|follows/);
    await contacted.locator('li.card-item', { hasText: name }).waitFor();
    await expect(pilots.locator('li.card-item', { hasText: name }).count()).resolves.toBe(0);
    expect((await employerNamed(name)).stage).toBe('contacted');
  });

  it('should move an employer with the keyboard alternative and ask for the reason a backward move needs', async () => {
    const contacted = page.locator('section.column[data-stage="contacted"]');
    const card = contacted.locator('li.card-item').first();
    const name = (await card.getByRole('link').textContent())!;
    await card.getByRole('button', { name: `Verplaatsen… ${name}` }).press('Enter');
    const select = page.getByLabel(`Verplaats ${name} naar`);
    // The control opens with the keyboard on its stage list.
    const employerId = await card.getAttribute('data-employer');
    await expect(page.evaluate('document.activeElement.id')).resolves.toBe(`move-${employerId}`);
    await select.selectOption('prospect');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('is nodig om een werkgever terug te zetten');
    await expectAccessible('reason dialog');
    await dialog.getByLabel('Reden').fill('Verkeerd ingedeeld');
    await dialog.getByRole('button', { name: 'Verplaatsen' }).click();

    await page.locator('section.column[data-stage="prospect"] li.card-item', { hasText: name }).waitFor();
    // The live region tells screen-reader users once the api has confirmed the move.
    await page.getByText(`${name} staat nu in Prospect.`).waitFor({ state: 'attached' });
    expect((await employerNamed(name)).stage).toBe('prospect');
    // Closing the dialog puts the keyboard back on the moved card, not at the top of the page.
    await expect(focused(`section.column[data-stage="prospect"] li.card-item`)).resolves.toMatchObject({
      inside: true,
    });
  });

  it('should show the column preview, the progress and the row errors when a CSV with a bad row is imported', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Import' }).click();
    const csv = [
      'name;kvkNumber;regionCode;city',
      'Drukkerij Browsertest;87654321;AM18;Amsterdam',
      'Kapotte Regel BV;123;AM18;Amsterdam',
    ].join('\n');
    await page
      .getByLabel('CSV-bestand')
      .setInputFiles({ name: 'werkgevers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

    const preview = page.locator('.preview table');
    await preview.waitFor();
    await expect(preview.locator('thead th').allTextContents()).resolves.toEqual([
      'Regel',
      'name',
      'kvkNumber',
      'regionCode',
      'city',
    ]);
    await expectAccessible('import preview');
    await page.getByRole('button', { name: 'Importeren' }).click();

    const errors = page.locator('table.row-errors');
    await errors.waitFor({ timeout: 30000 });
    await expect(page.locator('progress[aria-label="Voortgang import"]').getAttribute('value')).resolves.toBe('2');
    await expect(errors.locator('tbody tr').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^3kvkNumbermoet precies 8 cijfers zijn$/),
    ]);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Klaar: 2 van 2 regels verwerkt');
    expect(await employerNamed('Drukkerij Browsertest')).toBeDefined();
    await expectAccessible('import result');
    await screenshot(page, 'import');
  });

  it('should keep an employer of another region invisible in the list and on its own address', async () => {
    const [other] = await query<{ id: string; name: string }>(
      `SELECT o.id, o.name FROM organisations o JOIN regions r ON r.id = o.region_id
        WHERE r.code = 'AM17' AND o.kind = 'employer' ORDER BY o.name LIMIT 1`,
    );
    await page.goto(`${web.url}/werkgevers?q=${encodeURIComponent(other.name)}`);
    await page.getByText('Geen werkgevers gevonden met deze filters.').waitFor();

    await page.goto(`${web.url}/werkgevers/${other.id}`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Werkgever niet gevonden, of buiten je regio’s.',
    );
    await expect(page.getByRole('heading', { name: other.name }).count()).resolves.toBe(0);
    // The rest of the app still works: the navigation stays.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkgevers' }).waitFor();
  });

  it('should pass axe on the organisations, the SW-bedrijf network, my tasks and the users screens', async () => {
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Organisaties' }).click();
    await page.getByLabel('Soort').selectOption('sw_company');
    await page.locator('table.data tbody a').first().waitFor();
    await expectAccessible('organisations');
    await screenshot(page, 'organisations');

    await page.locator('table.data tbody a').first().click();
    await page.getByRole('heading', { name: 'Netwerk' }).waitFor();
    await page.locator('table.data tbody tr').first().waitFor();
    await expectAccessible('SW-bedrijf page');
    await screenshot(page, 'sw-company');

    await nav.getByRole('link', { name: 'Taken' }).click();
    await page.getByRole('heading', { name: /^Te laat/ }).waitFor();
    await page.locator('.task-groups [role="status"]').first().waitFor({ state: 'detached' });
    await expectAccessible('my tasks');
    await screenshot(page, 'tasks');

    await nav.getByRole('link', { name: 'Gebruikers' }).click();
    await page.getByRole('cell', { name: 'accountmanager@demo.vliegwiel.nl' }).waitFor();
    await expectAccessible('users');
    await screenshot(page, 'users');
  });

  it('should hide the users screen from WSP staff when they sign in', async () => {
    await signOut();
    await signIn(staff.email, staff.password);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });

    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual([
      'Werkgevers',
      'Pijplijn',
      'Organisaties',
      'Taken',
      'Import',
      'Campagnes',
      'Dashboard',
    ]);
    await page.goto(`${web.url}/gebruikers`);
    await page.getByRole('heading', { name: 'Niet gevonden' }).waitFor();
  });

  it('should show the name the api knows now when the page is loaded again with a stored session', async () => {
    await query(`UPDATE users SET name = 'Hernoemde Medewerker' WHERE email = $1`, [staff.email]);
    try {
      await page.reload();
      await page.locator('header', { hasText: 'Hernoemde Medewerker' }).waitFor();
    } finally {
      await query(`UPDATE users SET name = $2 WHERE email = $1`, [staff.email, staff.name]);
    }
  });

  it('should open the queue dashboard session for an admin and end it when the admin signs out', async () => {
    const sessionCookies = async () =>
      (await browser.context.cookies(`${web.url}/admin/queues`)).filter(
        (cookie) => cookie.name === 'vliegwiel_session',
      );
    // The session call follows the sign-in; wait for it rather than for a fixed time.
    const settled = async (count: number) => {
      for (let attempt = 0; attempt < 100 && (await sessionCookies()).length !== count; attempt++)
        await page.waitForTimeout(100);
      return sessionCookies();
    };
    await signOut();
    await signIn(admin.email, admin.password);

    await expect(settled(1)).resolves.toEqual([expect.objectContaining({ path: '/admin', httpOnly: true })]);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).waitFor();

    await signOut();
    await expect(settled(0)).resolves.toEqual([]);
  });

  it('should ask the api for one page at a time when lists and the board load', () => {
    expect(listRequests.length).toBeGreaterThan(10);
    const sizes = listRequests.map((url) => Number(url.searchParams.get('pageSize')));
    expect(sizes.filter((size) => !(size >= 1 && size <= 500))).toEqual([]);
  });
});
