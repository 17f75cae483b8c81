import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../apps/api/demo/demo-people';
import { DEMO_REGIONS } from '../../apps/api/demo/demo-places';
import { OUTCOME_LABELS } from '../../apps/web/src/screens/dashboard/report-format';
import { ROUTE_LABELS, TRAJECTORY_STATUS_LABELS } from '../../apps/web/src/ui/labels';
import {
  expectAccessible,
  openBrowser,
  screenshot,
  signIn,
  signOut,
  startWebApp,
  type Browser,
  type WebApp,
} from './support/web-app';

/**
 * The coordinator dashboard in real chromium against the real api and the demo data: every figure
 * the tables show is checked against the same report asked of the api, a CSV download against the
 * api's CSV, the region and period survive a reload, and another region is never offered.
 */
const coordinator = DEMO_USERS.find((user) => user.role === 'coordinator' && user.regions.includes('main'))!;
const admin = DEMO_USERS.find((user) => user.role === 'admin')!;

jest.setTimeout(90000);

let web: WebApp;
let browser: Browser;
let page: Page;
let token: string;
let mainRegion: { id: string; name: string };
let secondRegion: { id: string; name: string };

interface FunnelReport {
  stages: { stage: string; reached: number; conversionFromPrevious: number | null; medianDaysInStage: number | null }[];
}
interface CohortReport {
  cohorts: {
    period: string;
    size: number;
    ownTrajectoryWithin: Record<string, number | null>;
    structuralWithin: Record<string, number | null>;
  }[];
}
interface TargetReport {
  items: { metric: string; target: number | null; actual: number; share: number | null }[];
}
interface TrajectoryReport {
  started: { total: number; byRoute: Record<string, number>; byStatus: Record<string, number> };
  certified: { total: number };
  outcomes: { counts: Record<string, number> };
}

async function apiGet(path: string, accept = 'application/json'): Promise<Response> {
  const response = await fetch(`${web.url}${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: accept } });
  expect({ path, status: response.status }).toEqual({ path, status: 200 });
  return response;
}

async function apiJson<T>(path: string): Promise<T> {
  return (await (await apiGet(path)).json()) as T;
}

function panel(title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

/** Opens a panel's table (waiting for its figures) and returns its body rows as cell texts. */
async function tableRows(title: string): Promise<string[][]> {
  const section = panel(title);
  await section.getByRole('button', { name: 'Tabel tonen' }).click();
  const table = section.getByRole('table');
  await table.waitFor();
  const rows: string[][] = [];
  for (const row of await table.locator('tbody tr').all())
    rows.push((await row.locator('th, td').allTextContents()).map((text) => text.trim()));
  return rows;
}

/** "1.234" → 1234. */
const count = (text: string) => Number(text.replace(/\./g, ''));

/** "42,9%" → 42.9 (percent); words such as "nog niet" → null. */
function percent(text: string): number | null {
  const match = /^([\d.]+(?:,\d+)?)\s?%$/.exec(text);
  return match ? Number(match[1].replace(/\./g, '').replace(',', '.')) : null;
}

/** A share 0..1 and the percentage shown for it agree to the one decimal shown. */
function expectShare(shown: string, share: number | null, whenNull: string) {
  if (share === null) {
    expect(shown).toBe(whenNull);
    return;
  }
  const value = percent(shown);
  expect({ shown, close: value !== null && Math.abs(value - share * 100) <= 0.051 }).toEqual({ shown, close: true });
}

function cohortLabel(period: string): string {
  const quarter = /^(\d{4})-Q(\d)$/.exec(period);
  if (quarter) return `${quarter[2]}e kwartaal ${quarter[1]}`;
  const months = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
  const month = /^(\d{4})-(\d{2})$/.exec(period)!;
  return `${months[Number(month[2]) - 1]} ${month[1]}`;
}

function amsterdamToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

beforeAll(async () => {
  web = await startWebApp();
  browser = await openBrowser();
  page = browser.page;
  page.setDefaultTimeout(20000);
  const login = await fetch(`${web.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: coordinator.email, password: coordinator.password }),
  });
  token = ((await login.json()) as { accessToken: string }).accessToken;
  const regions = await apiJson<{ items: { id: string; code: string; name: string }[] }>('/api/regions?pageSize=500');
  mainRegion = regions.items.find((region) => region.code === DEMO_REGIONS.main.code)!;
  secondRegion = regions.items.find((region) => region.code === DEMO_REGIONS.second.code)!;
  // Migrations and the demo seed on a fresh database take long on a busy machine.
}, 240000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

afterEach(() => {
  expect(browser.errors).toEqual([]);
  browser.errors.length = 0;
});

describe('coordinator dashboard', () => {
  const today = amsterdamToday();
  const year = today.slice(0, 4);
  const from = `${year}-01-01`;

  it('should show the same figures as the reporting api for the chosen region and period', async () => {
    await signIn(page, web, coordinator.email, coordinator.password);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    // Only the coordinator's own region is offered.
    const regionPicker = page.getByLabel('Regio', { exact: true });
    const offered = await regionPicker.locator('option').allTextContents();
    expect(offered).toEqual([mainRegion.name]);
    expect(offered).not.toContain(secondRegion.name);
    await regionPicker.selectOption({ label: mainRegion.name });
    await page.getByRole('button', { name: 'Dit jaar' }).click();
    await page.waitForURL((url) => url.searchParams.get('van') === from);
    const address = new URL(page.url());
    expect(Object.fromEntries(address.searchParams)).toMatchObject({ regio: mainRegion.id, van: from, tot: today });
    await expect(page.getByRole('button', { name: 'Dit jaar' }).getAttribute('aria-pressed')).resolves.toBe('true');

    // Every panel has its figures (its table toggle appears once its report is in): the README picture.
    for (const title of ['Trechter', 'Cohorten', 'Trajecten', 'Doelen'])
      await panel(title).getByRole('button', { name: 'Tabel tonen' }).waitFor();
    await expectAccessible(page, 'dashboard');
    await screenshot(page, 'dashboard');

    const range = `regionId=${mainRegion.id}&from=${from}&to=${today}`;

    // One figure each chart draws (before any table is opened), against the api.
    const funnelFirst = await apiJson<FunnelReport>(`/api/reports/funnel?${range}`);
    const firstBar = panel('Trechter').locator('.bar-list li').first();
    await expect(firstBar.locator('.bar-label').textContent()).resolves.toBe('Prospect');
    expect(count((await firstBar.locator('.bar-value').textContent())!.trim())).toBe(funnelFirst.stages[0].reached);
    const cohortsFirst = await apiJson<CohortReport>(`/api/reports/cohorts?regionId=${mainRegion.id}&by=quarter`);
    const firstPeriod = panel('Cohorten').locator('.heat-row:not(.heat-head) .heat-period').first();
    await expect(firstPeriod.textContent()).resolves.toBe(
      `${cohortLabel(cohortsFirst.cohorts[0].period)} (${cohortsFirst.cohorts[0].size.toLocaleString('nl-NL')})`,
    );
    const trajectoriesFirst = await apiJson<TrajectoryReport>(`/api/reports/trajectories?${range}`);
    const started = panel('Trajecten').locator('.key-figures div', { hasText: 'Gestart' }).first().locator('dd');
    expect(count((await started.textContent())!.trim())).toBe(trajectoriesFirst.started.total);
    const targetsFirst = await apiJson<TargetReport>(`/api/reports/targets?regionId=${mainRegion.id}&period=${year}`);
    const withTarget = targetsFirst.items.find((item) => item.target !== null)!;
    const firstProgress = panel('Doelen').locator('progress').first();
    await expect(firstProgress.getAttribute('max')).resolves.toBe(String(withTarget.target));
    await expect(firstProgress.getAttribute('value')).resolves.toBe(
      String(Math.min(withTarget.actual, withTarget.target!)),
    );

    // Funnel: every stage's reached count, conversion and median days.
    const funnel = await apiJson<FunnelReport>(`/api/reports/funnel?${range}`);
    expect(funnel.stages[0].reached).toBeGreaterThan(0);
    const funnelRows = await tableRows('Trechter');
    expect(funnelRows).toHaveLength(funnel.stages.length);
    funnel.stages.forEach((stage, index) => {
      const [, reached, conversion, median] = funnelRows[index];
      expect({ stage: stage.stage, reached: count(reached) }).toEqual({ stage: stage.stage, reached: stage.reached });
      expectShare(conversion, stage.conversionFromPrevious, '—');
      expect(median === '—' ? null : Number(median.replace(/ dagen?$/, '').replace(',', '.'))).toBe(
        stage.medianDaysInStage,
      );
    });
    expect(funnelRows.map((row) => row[0])).toEqual([
      'Prospect',
      'Benaderd',
      'Geïnteresseerd',
      'SW-pilot',
      'Eigen traject',
      'Structureel',
      'Ambassadeur',
    ]);

    // Cohorts (by quarter): every row, size and window.
    const cohorts = await apiJson<CohortReport>(`/api/reports/cohorts?regionId=${mainRegion.id}&by=quarter`);
    expect(cohorts.cohorts.length).toBeGreaterThan(0);
    const cohortRows = await tableRows('Cohorten');
    expect(cohortRows.map((row) => row[0])).toEqual(cohorts.cohorts.map((cohort) => cohortLabel(cohort.period)));
    cohorts.cohorts.forEach((cohort, index) => {
      const row = cohortRows[index];
      expect(count(row[1])).toBe(cohort.size);
      ['3', '6', '12'].forEach((window, w) => {
        expectShare(row[2 + w], cohort.ownTrajectoryWithin[window], 'nog niet');
        expectShare(row[5 + w], cohort.structuralWithin[window], 'nog niet');
      });
    });

    // Trajectories: totals and the started-by-route counts.
    const trajectories = await apiJson<TrajectoryReport>(`/api/reports/trajectories?${range}`);
    const trajectoryRows = await tableRows('Trajecten');
    const figure = (group: string, label: string) =>
      count(trajectoryRows.find((row) => row[0] === group && row[1] === label)![2]);
    expect(figure('Totaal', 'Gestart')).toBe(trajectories.started.total);
    expect(figure('Totaal', 'Praktijkverklaringen')).toBe(trajectories.certified.total);
    // Each route, status and outcome by key: the row with its Dutch label shows the api's count.
    const groups: [string, Record<string, number>, Record<string, string>][] = [
      ['Gestart per route', trajectories.started.byRoute, ROUTE_LABELS],
      ['Gestart per status', trajectories.started.byStatus, TRAJECTORY_STATUS_LABELS],
      ['Uitkomst na praktijkverklaring', trajectories.outcomes.counts, OUTCOME_LABELS],
    ];
    for (const [group, values, labels] of groups) {
      const shown = Object.fromEntries(
        trajectoryRows.filter((row) => row[0] === group).map((row) => [row[1], count(row[2])]),
      );
      const expected = Object.fromEntries(Object.entries(values).map(([key, n]) => [labels[key] ?? key, n]));
      expect({ group, shown }).toEqual({ group, shown: expected });
    }
    expect(Object.keys(trajectories.started.byRoute).length).toBeGreaterThan(0);

    // Targets for this year: target and actual per metric, in the api's order.
    const targets = await apiJson<TargetReport>(`/api/reports/targets?regionId=${mainRegion.id}&period=${year}`);
    expect(targets.items.some((item) => item.target !== null)).toBe(true);
    const targetRows = await tableRows('Doelen');
    expect(targetRows).toHaveLength(targets.items.length);
    targets.items.forEach((item, index) => {
      const [, target, actual, share] = targetRows[index];
      expect({
        metric: item.metric,
        target: target === 'geen doel' ? null : count(target),
        actual: count(actual),
      }).toEqual({ metric: item.metric, target: item.target, actual: item.actual });
      expectShare(share, item.share, 'geen doel');
    });
    await expect(panel('Doelen').locator('progress').count()).resolves.toBe(
      targets.items.filter((item) => item.share !== null).length,
    );

    await expectAccessible(page, 'dashboard met tabellen');
  });

  it('should download a report as the api CSV with a Dutch file name', async () => {
    const downloaded = page.waitForEvent('download');
    await panel('Trechter').getByRole('button', { name: 'CSV downloaden' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`trechter-groot-amsterdam-${from}-tot-${today}.csv`);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('stage,reached,conversionFromPrevious,medianDaysInStage,p75DaysInStage');
    // Seven stages and the new-to-network row.
    expect(lines).toHaveLength(1 + 7 + 1);
    const fromApi = await (
      await apiGet(`/api/reports/funnel.csv?regionId=${mainRegion.id}&from=${from}&to=${today}`, 'text/csv')
    ).text();
    expect(text).toBe(fromApi);
  });

  it('should keep the choices in the address across a reload and switch cohorts to months', async () => {
    await page.getByLabel('Cohorten per').selectOption('month');
    await page.waitForURL((url) => url.searchParams.get('cohort') === 'maand');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await expect(page.getByLabel('Van').inputValue()).resolves.toBe(from);
    await expect(page.getByLabel('Tot en met').inputValue()).resolves.toBe(today);
    await expect(page.getByLabel('Cohorten per').inputValue()).resolves.toBe('month');
    const cohorts = await apiJson<CohortReport>(`/api/reports/cohorts?regionId=${mainRegion.id}&by=month`);
    const rows = await tableRows('Cohorten');
    expect(rows.map((row) => row[0])).toEqual(cohorts.cohorts.map((cohort) => cohortLabel(cohort.period)));
    expect(rows.map((row) => count(row[1]))).toEqual(cohorts.cohorts.map((cohort) => cohort.size));

    // Typing a date asks the api once, when the field is left, not at every keystroke.
    const funnelRequests: string[] = [];
    const note = (request: { url(): string }) => {
      if (request.url().includes('/api/reports/funnel?')) funnelRequests.push(request.url());
    };
    page.on('request', note);
    await page.getByLabel('Van').focus();
    // Day and month in the browser's order (1 February or 2 January); the year passes through 0002, 0020 and 0202.
    await page.keyboard.type(`0102${year}`);
    const typed = await page.getByLabel('Van').inputValue();
    expect([`${year}-02-01`, `${year}-01-02`]).toContain(typed);
    await page.getByLabel('Cohorten per').focus();
    await page.waitForURL((url) => url.searchParams.get('van') === typed);
    await page.waitForTimeout(1500);
    page.off('request', note);
    expect(funnelRequests).toHaveLength(1);
    expect(funnelRequests[0]).toContain(`from=${typed}`);
  });

  it('should show the own region, not another one, when a shared link names a region the user cannot see', async () => {
    await page.goto(`${web.url}/dashboard?regio=${secondRegion.id}&van=${from}&tot=${today}`);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await expect(page.getByLabel('Regio', { exact: true }).inputValue()).resolves.toBe(mainRegion.id);
    await panel('Trechter').getByRole('button', { name: 'Tabel tonen' }).waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
  });

  it('should say a start after the end is impossible instead of asking the api', async () => {
    await page.goto(`${web.url}/dashboard?van=${year}-06-01&tot=${year}-05-01`);
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
      'De begindatum ligt na de einddatum',
    );
    await expect(panel('Trechter').textContent()).resolves.toContain('De begindatum ligt na de einddatum');
    // The cohorts do not depend on the range and still show.
    await panel('Cohorten').getByRole('button', { name: 'Tabel tonen' }).waitFor();
    await expectAccessible(page, 'dashboard met onmogelijke periode');
    await signOut(page);
  });

  it('should offer an admin every region and ask for one before showing targets', async () => {
    await signIn(page, web, admin.email, admin.password);
    await page.goto(`${web.url}/dashboard`);
    const regionPicker = page.getByLabel('Regio', { exact: true });
    await regionPicker.waitFor();
    const offered = await regionPicker.locator('option').allTextContents();
    expect(offered).toEqual(expect.arrayContaining(['Al mijn regio’s', mainRegion.name, secondRegion.name]));
    await expect(panel('Doelen').textContent()).resolves.toContain('Kies een regio');
    await regionPicker.selectOption({ label: secondRegion.name });
    await panel('Doelen').getByRole('button', { name: 'Tabel tonen' }).waitFor();
    await expectAccessible(page, 'dashboard beheerder');
    await signOut(page);
  });
});
