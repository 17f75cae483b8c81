import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { EMPLOYER_CSV_COLUMNS, EmployerRepository, restoreFormula } from '@app/crm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

type Row = Record<string, string>;

describe('Employer CSV export over HTTP', () => {
  let testApp: TestApp;
  let am25: string;
  let am26: string;
  let user: TestUser;
  let admin: TestUser;
  const as = (who: TestUser) => authed(testApp, who.token);
  const exportCsv = async (who: TestUser, query = '') => {
    const response = await as(who).get(`/api/employers/export.csv${query}`).expect(200);
    return { response, rows: parse(response.text, { columns: true }) as Row[], raw: response.text };
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    am26 = await regionId(testApp, 'AM26');
    user = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    admin = await createUser(testApp, { role: 'admin' });

    const bakery = await as(user)
      .post('/api/employers')
      .send({
        name: 'Bakkerij de Vries',
        kvkNumber: '01234567',
        regionId: am25,
        sbiCode: '10711',
        sizeClass: 'small',
        postcode: '4811 AB',
        city: 'Breda',
        website: 'bakkerijdevries.nl',
        tags: ['horeca', 'lokaal'],
      })
      .expect(201);
    await as(user)
      .post(`/api/employers/${bakery.body.id}/contacts`)
      .send({
        firstName: 'Jan',
        lastName: 'Jansen',
        email: 'jan@bakkerijdevries.nl',
        phone: '076 123 4567',
        role: 'Eigenaar',
        emailBasis: 'consent',
        emailBasisSource: 'Beurs 2025, stand 12',
      })
      .expect(201);
    await as(user)
      .post(`/api/employers/${bakery.body.id}/contacts`)
      .send({ lastName: 'Pietersen', email: 'piet@bakkerijdevries.nl' })
      .expect(201);
    await as(user)
      .post('/api/employers')
      .send({
        name: '=HYPERLINK("http://evil.example","klik")',
        kvkNumber: '76543210',
        regionId: am25,
        sizeClass: 'micro',
        city: '-Zwolle',
        tags: ['@risico', 'gewoon'],
        sbiCode: '4711',
        sbiVersion: 2008,
      })
      .expect(201);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should stream a CSV with the import’s header and one row per contact', async () => {
    const { response, rows, raw } = await exportCsv(user);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="employers.csv"');
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(raw.split('\n')[0]).toBe(EMPLOYER_CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(3);
    const bakery = rows.filter((r) => r.kvkNumber === '01234567');
    expect(bakery).toEqual([
      {
        name: 'Bakkerij de Vries',
        kvkNumber: '01234567',
        regionCode: 'AM25',
        sbiCode: '10711',
        sbiVersion: '2025',
        sizeClass: 'small',
        postcode: '4811 AB',
        city: 'Breda',
        website: 'https://bakkerijdevries.nl',
        tags: 'horeca, lokaal',
        contactFirstName: 'Jan',
        contactLastName: 'Jansen',
        contactEmail: 'jan@bakkerijdevries.nl',
        contactPhone: "'+31761234567",
        contactRole: 'Eigenaar',
        contactEmailBasis: 'consent',
        contactEmailBasisSource: 'Beurs 2025, stand 12',
      },
      expect.objectContaining({ contactLastName: 'Pietersen', contactEmail: 'piet@bakkerijdevries.nl' }),
    ]);
  });

  it('should neutralise formula cells and write an employer without contacts as one row with empty contact cells', async () => {
    const { rows } = await exportCsv(user);
    const risky = rows.find((r) => r.kvkNumber === '76543210')!;
    expect(risky.name).toBe('\'=HYPERLINK("http://evil.example","klik")');
    expect(risky.city).toBe("'-Zwolle");
    expect(risky.tags).toBe("'@risico, gewoon");
    expect(restoreFormula(risky.name)).toBe('=HYPERLINK("http://evil.example","klik")');
    expect(risky).toMatchObject({ sbiCode: '4711', sbiVersion: '2008', sizeClass: 'micro' });
    for (const column of EMPLOYER_CSV_COLUMNS.filter((c) => c.startsWith('contact'))) {
      expect(risky[column]).toBe('');
    }
  });

  it('should apply the list filters and refuse bad ones like the list does', async () => {
    expect((await exportCsv(user, '?sizeClass=micro')).rows.map((r) => r.kvkNumber)).toEqual(['76543210']);
    expect((await exportCsv(user, '?q=bakkerij')).rows.map((r) => r.contactLastName)).toEqual(['Jansen', 'Pietersen']);
    const empty = await exportCsv(user, '?tag=onbekend');
    expect(empty.rows).toEqual([]);
    expect(empty.raw).toBe(`${EMPLOYER_CSV_COLUMNS.join(',')}\n`);
    const bad = await as(user).get('/api/employers/export.csv?sbiSection=Q').expect(400);
    expect(bad.body.details).toEqual([{ field: 'sbiSection', problem: expect.any(String) }]);
    await as(user).get(`/api/employers/export.csv?regionId=${am26}`).expect(404);
    await as(user).get('/api/employers/export.csv?colour=red').expect(400);
  });

  it('should page through large lists without losing or repeating employers', async () => {
    // 1,203 employers with the same name: pages of 500 must continue on the id, not the name.
    await testApp.app.get(DataSource).query(
      `INSERT INTO organisations (region_id, kind, name, kvk_number)
       SELECT $1, 'employer', 'Zelfde naam', (90000000 + g)::text FROM generate_series(1, 1203) g`,
      [am26],
    );
    const { rows } = await exportCsv(admin, `?regionId=${am26}`);
    expect(rows).toHaveLength(1203);
    expect(new Set(rows.map((r) => r.kvkNumber)).size).toBe(1203);
    expect(rows.every((r) => r.regionCode === 'AM26')).toBe(true);
  });

  it('should break the transfer off, not end a short file, when reading fails halfway', async () => {
    // The 1,203 employers of AM26 take three pages; the second read fails after the first page is sent.
    const repository = testApp.app.get(EmployerRepository);
    const exportPage = repository.exportPage.bind(repository);
    let reads = 0;
    const failing = jest.spyOn(repository, 'exportPage').mockImplementation(async (...args) => {
      if (++reads === 2) throw new Error('the database went away');
      return exportPage(...args);
    });
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const outcome = await as(admin)
        .get(`/api/employers/export.csv?regionId=${am26}`)
        .then(
          (response) => ({ broken: false, status: response.status, lines: response.text.split('\n').length }),
          (error: Error) => ({ broken: true, message: error.message }),
        );
      expect(outcome).toMatchObject({ broken: true });
      expect(reads).toBe(2);
    } finally {
      failing.mockRestore();
      logged.mockRestore();
    }
  });

  it('should be read back by the import unchanged', async () => {
    const { raw } = await exportCsv(user);
    const before = await as(user).get('/api/employers?pageSize=500').expect(200);
    const upload = await as(user)
      .post('/api/imports/employers')
      .attach('file', Buffer.from(raw), { filename: 'export.csv', contentType: 'text/csv' })
      .expect(202);
    let status: { status: string; created: number; updated: number; unchanged: number; failed: number } | undefined;
    for (let attempt = 0; attempt < 400; attempt++) {
      status = (await as(user).get(`/api/imports/${upload.body.importId}`).expect(200)).body;
      if (status!.status === 'completed' || status!.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toMatchObject({ status: 'completed', created: 0, updated: 0, unchanged: 3, failed: 0 });
    const after = await as(user).get('/api/employers?pageSize=500').expect(200);
    expect(after.body).toEqual(before.body);
  });
});
