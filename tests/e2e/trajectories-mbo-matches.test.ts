import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

describe('MBO matches of an employer (GET /api/employers/:id/mbo-matches)', () => {
  let testApp: TestApp;
  let am25: string;
  let am01: string;
  let staff: TestUser;
  let elsewhere: TestUser;
  let careEmployer: string;
  const schools: Record<string, string> = {};
  const as = (user: TestUser) => authed(testApp, user.token);
  const school = async (user: TestUser, name: string, region: string, recognitions: object[]) =>
    (await as(user).post('/api/organisations').send({ kind: 'mbo', name, regionId: region, recognitions }).expect(201))
      .body.id as string;

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    elsewhere = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM01'] });
    // A care employer: SBI 2025 section R (division 86), which is section Q in SBI 2008.
    careEmployer = (
      await as(staff)
        .post('/api/employers')
        .send({ name: 'Zorggroep West', kvkNumber: '70000001', regionId: am25, sbiCode: '86101', sbiVersion: 2025 })
        .expect(201)
    ).body.id;
    schools.curio = await school(staff, 'Curio', am25, [
      { sbiSection: '2025:R', crebo: '25480' },
      { sbiSection: '2025:C' },
    ]);
    schools.olderRecognition = await school(staff, 'Vitalis College', am25, [{ sbiSection: '2008:Q' }]);
    schools.education = await school(staff, 'Onderwijs ROC', am25, [{ sbiSection: '2025:Q', crebo: '25999' }]);
    schools.otherRegion = await school(elsewhere, 'Noorderpoort', am01, [{ sbiSection: '2025:R' }]);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should list the schools of the region recognised for the sector, matching the other SBI version by division', async () => {
    const response = await as(staff).get(`/api/employers/${careEmployer}/mbo-matches`).expect(200);
    expect(response.body).toEqual({
      items: [
        {
          id: schools.curio,
          name: 'Curio',
          regionId: am25,
          recognitions: [
            { sbiSection: '2025:R', crebo: '25480' },
            { sbiSection: '2025:C', crebo: null },
          ],
          matchedSections: ['2025:R'],
          matchedCrebos: ['25480'],
        },
        {
          id: schools.olderRecognition,
          name: 'Vitalis College',
          regionId: am25,
          recognitions: [{ sbiSection: '2008:Q', crebo: null }],
          matchedSections: ['2008:Q'],
          matchedCrebos: [],
        },
      ],
      total: 2,
      page: 1,
      pageSize: 50,
    });
  });

  it('should page and sort by name when asked', async () => {
    const response = await as(staff)
      .get(`/api/employers/${careEmployer}/mbo-matches?pageSize=1&sort=-name`)
      .expect(200);
    expect(response.body).toMatchObject({ total: 2, pageSize: 1, items: [{ name: 'Vitalis College' }] });
    await as(staff).get(`/api/employers/${careEmployer}/mbo-matches?sort=recognitions`).expect(400);
  });

  it('should return an empty list when the employer has no SBI code', async () => {
    const employer = (
      await as(staff)
        .post('/api/employers')
        .send({ name: 'Zonder sector', kvkNumber: '70000002', regionId: am25 })
        .expect(201)
    ).body.id;
    expect((await as(staff).get(`/api/employers/${employer}/mbo-matches`).expect(200)).body).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 50,
    });
  });

  it('should answer 404 for an employer outside the caller regions and 400 for a malformed id', async () => {
    await as(elsewhere).get(`/api/employers/${careEmployer}/mbo-matches`).expect(404);
    await as(staff).get('/api/employers/not-a-uuid/mbo-matches').expect(400);
  });
});
