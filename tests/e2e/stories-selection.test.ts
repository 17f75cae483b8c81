import { SystemClock } from '@app/core';
import { StoryService, todayInAmsterdam } from '@app/crm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

function day(days: number): string {
  const [y, m, d] = todayInAmsterdam(new SystemClock()).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The story `{{> story}}` shows (issue 4): real stories in PostgreSQL, chosen by one query. */
describe('StoryService.findUsableStory', () => {
  let testApp: TestApp;
  let am25: string;
  let am01: string;
  let am03: string;
  let admin: TestUser;
  let kvkSeq = 40000000;
  const find = (regionId: string, sbiVersion: 2008 | 2025, sbiSection: string) =>
    testApp.app.get(StoryService).findUsableStory({ regionId, sbiVersion, sbiSection });

  const employer = async (region: string, sbiCode: string, sbiVersion = 2025) =>
    (
      await authed(testApp, admin.token)
        .post('/api/employers')
        .send({ name: `Werkgever ${kvkSeq}`, kvkNumber: String(++kvkSeq), regionId: region, sbiCode, sbiVersion })
        .expect(201)
    ).body.id as string;
  const story = async (employerId: string, title: string, extra: Record<string, unknown>) =>
    authed(testApp, admin.token)
      .post('/api/stories')
      .send({ employerId, title, summary: 'Praktijkleren werkt.', published: true, ...extra })
      .expect(201);

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    am03 = await regionId(testApp, 'AM03');
    admin = await createUser(testApp, { role: 'admin' });

    // Sector A (SBI 2025 division 01): two regions, with stories that are not usable in between.
    const farm25 = await employer(am25, '01110');
    const farm01 = await employer(am01, '01130');
    await story(farm25, 'eigen regio, oudere toestemming', { consentAt: day(-100) });
    await story(farm25, 'eigen regio, nieuwste toestemming', { consentAt: day(-50) });
    await story(farm25, 'eigen regio, niet gepubliceerd', { consentAt: day(-1), published: false });
    await story(farm25, 'eigen regio, verlopen', { consentAt: day(-2), expiresAt: day(-1) });
    await story(farm25, 'eigen regio, toestemming vanaf morgen', { consentAt: day(1) });
    await story(farm01, 'andere regio, eerst vastgelegd', { consentAt: day(-5) });
    await story(farm01, 'andere regio, later vastgelegd', { consentAt: day(-5) });
    // The same letter under SBI 2008 is another sector.
    const farm2008 = await employer(am25, '01110', 2008);
    await story(farm2008, 'sbi 2008', { consentAt: day(-3) });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should prefer a usable story of the same region, the most recent consent first', async () => {
    expect((await find(am25, 2025, 'A'))?.title).toBe('eigen regio, nieuwste toestemming');
  });

  it('should fall back to the same sector in another region when the region has none', async () => {
    const chosen = await find(am03, 2025, 'A');
    expect(chosen).toMatchObject({ regionId: am01, usable: true });
  });

  it('should choose the newest story when the consent days are equal', async () => {
    expect((await find(am01, 2025, 'A'))?.title).toBe('andere regio, later vastgelegd');
  });

  it('should keep SBI versions apart when the section letter is the same', async () => {
    expect((await find(am25, 2008, 'A'))?.title).toBe('sbi 2008');
  });

  it('should answer null when no usable story of the sector exists', async () => {
    expect(await find(am25, 2025, 'K')).toBeNull();
  });
});
