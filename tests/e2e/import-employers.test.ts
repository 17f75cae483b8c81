import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { QueueName } from '@app/core';
import { EMPLOYER_CSV_COLUMNS, EmployerCsvRow } from '@app/crm';
import { authed, createUser, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

interface ImportBody {
  status: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  message: string | null;
  errors: { row: number; field: string; problem: string }[];
  errorsTotal: number;
}

/** One CSV line in column order; cells with the separator, quotes or line breaks are quoted. */
function csvLine(cells: EmployerCsvRow, separator: ',' | ';'): string {
  return EMPLOYER_CSV_COLUMNS.map((column) => {
    const value = cells[column] ?? '';
    return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }).join(separator);
}

async function uploadCsv(testApp: TestApp, token: string, content: string | Buffer): Promise<string> {
  const response = await authed(testApp, token)
    .post('/api/imports/employers')
    .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), {
      filename: 'werkgevers.csv',
      contentType: 'text/csv',
    });
  expect(response.status).toBe(202);
  expect(response.body).toEqual({ importId: expect.any(String) });
  return (response.body as { importId: string }).importId;
}

/** Polls GET /api/imports/:id until the import is completed or failed; returns every state seen. */
async function waitForImport(
  api: ReturnType<typeof authed>,
  importId: string,
  timeoutMs = 30_000,
): Promise<{ final: ImportBody; seen: ImportBody[] }> {
  const seen: ImportBody[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await api.get(`/api/imports/${importId}`);
    expect(response.status).toBe(200);
    const body = response.body as ImportBody;
    seen.push(body);
    if (body.status === 'completed' || body.status === 'failed') return { final: body, seen };
    if (Date.now() > deadline) throw new Error(`Import ${importId} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const HEADER = EMPLOYER_CSV_COLUMNS.join(',');
const row = (cells: EmployerCsvRow) => csvLine(cells, ',');

const BAKKERIJ: EmployerCsvRow = {
  name: 'Bakkerij de Vries',
  kvkNumber: '12345678',
  regionCode: 'AM25',
  sbiCode: '10711',
  sbiVersion: '2025',
  sizeClass: 'small',
  postcode: '4811ab',
  city: 'Breda',
  website: 'bakkerijdevries.nl',
  tags: 'horeca, lokaal',
  contactFirstName: 'Jan',
  contactLastName: 'Jansen',
  contactEmail: 'jan@bakkerijdevries.nl',
  contactPhone: '076 123 4567',
  contactRole: 'Eigenaar',
  contactEmailBasis: 'consent',
  contactEmailBasisSource: 'beurs 2025',
};

// Lines 2 and 4 are good; 3 has two bad fields, 5 is a new employer without a name, 6 is another region.
const COMMA_FILE = [
  HEADER,
  row(BAKKERIJ),
  row({ name: 'Kapot BV', kvkNumber: '1234567', regionCode: 'AM25', sizeClass: 'huge' }),
  row({ name: 'Metaal BV', kvkNumber: '23456789', regionCode: 'AM25', contactLastName: 'Pietersen' }),
  row({ kvkNumber: '34567890', regionCode: 'AM25' }),
  row({ name: 'Groningen BV', kvkNumber: '45678901', regionCode: 'AM01' }),
].join('\n');

describe('employer CSV import (POST /api/imports/employers)', () => {
  let testApp: TestApp;
  let db: DataSource;
  let coordinator: TestUser;
  let api: ReturnType<typeof authed>;
  let firstImportId: string;

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;
  const importFile = async (content: string | Buffer, user = coordinator) => {
    const importId = await uploadCsv(testApp, user.token, content);
    return { importId, ...(await waitForImport(authed(testApp, user.token), importId)) };
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    db = testApp.app.get(DataSource);
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    api = authed(testApp, coordinator.token);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should land the good rows and report each bad field with its line when a comma file mixes good and bad rows', async () => {
    const { importId, final } = await importFile(COMMA_FILE);
    firstImportId = importId;
    expect(final).toMatchObject({
      status: 'completed',
      total: 5,
      processed: 5,
      created: 2,
      updated: 0,
      unchanged: 0,
      failed: 3,
    });
    expect(final.errors).toEqual([
      { row: 3, field: 'kvkNumber', problem: 'must be exactly 8 digits' },
      { row: 3, field: 'sizeClass', problem: 'must be one of micro, small, medium, large' },
      { row: 5, field: 'name', problem: 'is required for a new employer' },
      { row: 6, field: 'regionCode', problem: 'AM01 is not one of your regions' },
    ]);
    expect(final.errorsTotal).toBe(4);
    // One job per import, with a deterministic id and only the import's id as payload.
    const job = await testApp.app
      .get<Queue>(getQueueToken(QueueName.Import), { strict: false })
      .getJob(`import-${importId}`);
    expect(job?.data).toEqual({ importId });

    const [employer] = await db.query(
      `SELECT o.id, o.name, o.postcode, o.website, o.sbi_code, o.sbi_version, o.sbi_section, o.size_class, o.tags,
              o.owner_id, r.code FROM organisations o JOIN regions r ON r.id = o.region_id WHERE kvk_number = '12345678'`,
    );
    expect(employer).toMatchObject({
      name: 'Bakkerij de Vries',
      postcode: '4811 AB',
      website: 'https://bakkerijdevries.nl',
      sbi_code: '10711',
      sbi_version: 2025,
      sbi_section: 'C',
      size_class: 'small',
      tags: ['horeca', 'lokaal'],
      owner_id: coordinator.id,
      code: 'AM25',
    });
    const [contact] = await db.query(
      `SELECT id, first_name, last_name, email, phone, role, is_primary, email_basis, email_basis_source
       FROM contacts WHERE organisation_id = $1`,
      [employer.id],
    );
    expect(contact).toMatchObject({
      first_name: 'Jan',
      email: 'jan@bakkerijdevries.nl',
      phone: '+31761234567',
      is_primary: true,
      email_basis: 'consent',
      email_basis_source: 'beurs 2025',
    });
    expect(
      await db.query(`SELECT basis, source, by_user_id FROM contact_basis_history WHERE contact_id = $1`, [contact.id]),
    ).toEqual([{ basis: 'consent', source: 'beurs 2025', by_user_id: coordinator.id }]);
    expect(await count(`organisations WHERE kvk_number IN ('1234567 ', '34567890', '45678901')`)).toBe(0);
    expect(
      await db.query(`SELECT entity, action, by_user_id FROM audit_log WHERE entity_id = $1`, [employer.id]),
    ).toEqual([{ entity: 'employer', action: 'create', by_user_id: coordinator.id }]);
  });

  it('should report every row unchanged and write nothing when the same file is imported again', async () => {
    const audit = await count('audit_log');
    const history = await count('contact_basis_history');
    const { final } = await importFile(COMMA_FILE);
    expect(final).toMatchObject({ status: 'completed', created: 0, updated: 0, unchanged: 2, failed: 3 });
    expect(await count('audit_log')).toBe(audit);
    expect(await count('contact_basis_history')).toBe(history);
  });

  it('should read a semicolon file with a BOM and CRLF line ends and update by (region, KvK)', async () => {
    const lines = [
      EMPLOYER_CSV_COLUMNS.join(';'),
      csvLine(
        { ...BAKKERIJ, city: 'Breda-Noord', contactEmailBasis: 'existing_relationship', contactEmailBasisSource: '' },
        ';',
      ),
      csvLine({ name: 'Zuivel; en Kaas', kvkNumber: '56789012', regionCode: 'AM25', postcode: '1234 SA' }, ';'),
      csvLine({ name: 'Café \u2019t Hoekje', kvkNumber: '67890123', regionCode: 'AM25', contactFirstName: 'Els' }, ';'),
      csvLine({ name: 'Nieuw BV', kvkNumber: '78901234', regionCode: 'AM25', city: 'Roosendaal' }, ';'),
    ];
    const { final } = await importFile(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'))]),
    );
    expect(final).toMatchObject({ status: 'completed', total: 4, created: 1, updated: 1, unchanged: 0, failed: 2 });
    expect(final.errors).toEqual([
      { row: 3, field: 'postcode', problem: 'letters SA are never used in a postcode' },
      { row: 4, field: 'contactLastName', problem: 'is required for a new contact' },
    ]);
    const [bakkerij] = await db.query(`SELECT id, city FROM organisations WHERE kvk_number = '12345678'`);
    expect(bakkerij.city).toBe('Breda-Noord');
    const [contact] = await db.query(
      `SELECT id, email_basis, email_basis_source FROM contacts WHERE organisation_id = $1`,
      [bakkerij.id],
    );
    expect(contact).toMatchObject({ email_basis: 'existing_relationship', email_basis_source: 'import' });
    expect(
      await db.query(`SELECT basis, source FROM contact_basis_history WHERE contact_id = $1 ORDER BY id`, [contact.id]),
    ).toEqual([
      { basis: 'consent', source: 'beurs 2025' },
      { basis: 'existing_relationship', source: 'import' },
    ]);
    expect(await count(`organisations WHERE name = 'Nieuw BV'`)).toBe(1);
  });

  it('should keep stored values when cells are empty', async () => {
    const before = await db.query(
      `SELECT o.name, o.postcode, o.website, o.tags, o.sbi_code, c.first_name, c.phone, c.email
       FROM organisations o JOIN contacts c ON c.organisation_id = o.id WHERE o.kvk_number = '12345678'`,
    );
    const { final } = await importFile(
      [HEADER, row({ kvkNumber: '12345678', regionCode: 'AM25', contactEmail: 'jan@bakkerijdevries.nl' })].join('\n'),
    );
    expect(final).toMatchObject({ status: 'completed', unchanged: 1, updated: 0, created: 0, failed: 0 });
    expect(
      await db.query(
        `SELECT o.name, o.postcode, o.website, o.tags, o.sbi_code, c.first_name, c.phone, c.email
         FROM organisations o JOIN contacts c ON c.organisation_id = o.id WHERE o.kvk_number = '12345678'`,
      ),
    ).toEqual(before);
  });

  it('should match a contact by e-mail first and else by name when upserting contacts', async () => {
    const { final } = await importFile(
      [
        HEADER,
        // Same address in other case: the stored Jan Jansen gets a new first name, no new contact.
        row({
          kvkNumber: '12345678',
          regionCode: 'AM25',
          contactFirstName: 'Johannes',
          contactEmail: 'JAN@bakkerijdevries.nl',
        }),
        // No address stored for Pietersen: matched by name, and the address is added.
        row({
          kvkNumber: '23456789',
          regionCode: 'AM25',
          contactFirstName: 'Piet',
          contactLastName: 'Pietersen',
          contactEmail: 'piet@metaal.nl',
        }),
        // A different person with the same last name and another address: a new contact.
        row({
          kvkNumber: '23456789',
          regionCode: 'AM25',
          contactFirstName: 'Karin',
          contactLastName: 'Pietersen',
          contactEmail: 'karin@metaal.nl',
        }),
      ].join('\n'),
    );
    expect(final).toMatchObject({ status: 'completed', updated: 3, created: 0, failed: 0 });
    expect(
      await db.query(
        `SELECT c.first_name, c.last_name, c.email, c.is_primary FROM contacts c JOIN organisations o ON o.id = c.organisation_id
         WHERE o.kvk_number IN ('12345678', '23456789') ORDER BY o.kvk_number, c.created_at`,
      ),
    ).toEqual([
      { first_name: 'Johannes', last_name: 'Jansen', email: 'jan@bakkerijdevries.nl', is_primary: true },
      { first_name: 'Piet', last_name: 'Pietersen', email: 'piet@metaal.nl', is_primary: true },
      { first_name: 'Karin', last_name: 'Pietersen', email: 'karin@metaal.nl', is_primary: false },
    ]);
  });

  it('should fail the import naming the column when a required header is missing', async () => {
    const { final } = await importFile('name,kvkNumber,city\nBakkerij,12345678,Breda\n');
    expect(final.status).toBe('failed');
    expect(final.message).toMatch(/missing required column\(s\) regionCode/);
    expect(final.processed).toBe(0);
  });

  it('should mark the import failed when its job fails for good', async () => {
    const [{ id }] = await db.query(
      `INSERT INTO imports (kind, file, created_by, region_ids) VALUES ('employers', $1, $2, $3) RETURNING id`,
      [Buffer.from(COMMA_FILE), coordinator.id, coordinator.regionIds],
    );
    const queue = testApp.app.get<Queue>(getQueueToken(QueueName.Import), { strict: false });
    await queue.add('no-such-kind', { importId: id }, { jobId: `import-unknown-${id}` });
    const { final } = await waitForImport(api, id);
    expect(final.status).toBe('failed');
    expect(final.message).toMatch(/Unknown import job "no-such-kind"/);
  });

  it('should show progress while running and finish with every row counted when the file has 20k rows', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 20_000; i++) {
      lines.push(
        row({
          name: `Werkgever ${i}`,
          kvkNumber: String(80_000_000 + i),
          regionCode: 'AM25',
          city: 'Breda',
          contactLastName: `Persoon ${i}`,
          contactEmail: `p${i}@werkgever${i}.nl`,
        }),
      );
    }
    const importId = await uploadCsv(testApp, coordinator.token, lines.join('\n'));
    const { final, seen } = await waitForImport(api, importId, 110_000);
    expect(final).toMatchObject({ status: 'completed', total: 20_000, processed: 20_000, created: 20_000, failed: 0 });
    expect(seen.some((s) => s.status === 'running' && s.processed < 20_000)).toBe(true);
    const processed = seen.map((s) => s.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(await count(`organisations WHERE name LIKE 'Werkgever %'`)).toBe(20_000);
  }, 120_000);

  it('should report every row unchanged when the export of the same employers is imported back', async () => {
    // Metaal BV has two contacts, so its export has two rows for one employer.
    for (const [q, rows] of [
      ['Bakkerij', 1],
      ['Metaal', 2],
    ] as const) {
      const exported = await api.get(`/api/employers/export.csv?q=${q}`);
      expect(exported.status).toBe(200);
      expect(exported.text.trim().split('\n')).toHaveLength(rows + 1);
      const audit = await count('audit_log');
      const { final } = await importFile(exported.text);
      expect(final).toMatchObject({ status: 'completed', created: 0, updated: 0, failed: 0, unchanged: rows });
      expect(await count('audit_log')).toBe(audit);
    }
  });

  it('should keep namesake contacts apart when an export with two e-mail-less namesakes is imported back', async () => {
    const region = coordinator.regionIds[0];
    const namesakes = await api
      .post('/api/employers')
      .send({ name: 'Naamgenoten BV', kvkNumber: '31313131', regionId: region })
      .expect(201);
    const mixed = await api
      .post('/api/employers')
      .send({ name: 'Naamgenoten Gemengd BV', kvkNumber: '32323232', regionId: region })
      .expect(201);
    const addContact = (employerId: string, body: Record<string, string>) =>
      api
        .post(`/api/employers/${employerId}/contacts`)
        .send({ firstName: 'Jan', lastName: 'Jansen', ...body })
        .expect(201);
    await addContact(namesakes.body.id, { phone: '+31612345678', role: 'Eigenaar' });
    await addContact(namesakes.body.id, { phone: '+31687654321', role: 'Chef' });
    // The one with an address is the older: a row without an address used to land on it.
    await addContact(mixed.body.id, { email: 'jan@gemengd.nl', phone: '+31611111111' });
    await addContact(mixed.body.id, { phone: '+31622222222' });
    const contactsOf = (employerId: string) =>
      db.query(`SELECT id, email, phone, role FROM contacts WHERE organisation_id = $1 ORDER BY created_at, id`, [
        employerId,
      ]);
    const before = [await contactsOf(namesakes.body.id), await contactsOf(mixed.body.id)];

    const exported = await api.get('/api/employers/export.csv?q=Naamgenoten').expect(200);
    expect(exported.text.trim().split('\n')).toHaveLength(5);
    const { final } = await importFile(exported.text);
    expect(final).toMatchObject({ status: 'completed', created: 0, updated: 0, failed: 0, unchanged: 4 });
    expect([await contactsOf(namesakes.body.id), await contactsOf(mixed.body.id)]).toEqual(before);

    // A lone row without an address goes to the namesake without one, not to the older one with one.
    const { final: single } = await importFile(
      [
        HEADER,
        row({
          kvkNumber: '32323232',
          regionCode: 'AM25',
          contactFirstName: 'Jan',
          contactLastName: 'Jansen',
          contactRole: 'Planner',
        }),
      ].join('\n'),
    );
    expect(single).toMatchObject({ status: 'completed', updated: 1, created: 0, failed: 0 });
    const [withAddress, withoutAddress] = await contactsOf(mixed.body.id);
    expect(withAddress).toEqual(before[1][0]);
    expect(withoutAddress).toMatchObject({ email: null, phone: '+31622222222', role: 'Planner' });
  });

  it('should store and import a file of a few megabytes when it arrives in many chunks', async () => {
    // Padded cells (trimmed on import) make 3.2 MB of 320 rows; é shows no character is cut at a chunk edge.
    const padding = ' '.repeat(10_000);
    const lines = [HEADER];
    for (let i = 0; i < 320; i++) {
      lines.push(
        row({ name: `Groot ${i} é`, kvkNumber: String(50_000_000 + i), regionCode: 'AM25', city: `${padding}Breda` }),
      );
    }
    const content = Buffer.from(lines.join('\n'));
    expect(content.length).toBeGreaterThan(3 * 1024 * 1024);
    const { importId, final } = await importFile(content);
    expect(final).toMatchObject({ status: 'completed', total: 320, created: 320, failed: 0 });
    expect(await count(`organisations WHERE name LIKE 'Groot % é' AND city = 'Breda'`)).toBe(320);
    // The stored chunks go once the import is done.
    expect(await count(`import_file_chunks WHERE import_id = $1`, [importId])).toBe(0);
  });

  it('should list every row error in pages when there are more than the 1000 shown inline', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 1203; i++) lines.push(row({ name: `Fout ${i}`, kvkNumber: '123', regionCode: 'AM25' }));
    const { importId, final } = await importFile(lines.join('\n'));
    expect(final).toMatchObject({ status: 'completed', failed: 1203, errorsTotal: 1203 });
    expect(final.errors).toHaveLength(1000);

    const third = await api.get(`/api/imports/${importId}/errors?page=3&pageSize=500`).expect(200);
    expect(third.body).toMatchObject({ total: 1203, page: 3, pageSize: 500 });
    expect(third.body.items).toHaveLength(203);
    expect(third.body.items[0]).toEqual({ row: 1002, field: 'kvkNumber', problem: 'must be exactly 8 digits' });
    const rows: number[] = [];
    for (let page = 1; page <= 3; page++) {
      const response = await api.get(`/api/imports/${importId}/errors`).query({ page, pageSize: 500 }).expect(200);
      rows.push(...response.body.items.map((e: { row: number }) => e.row));
    }
    expect(rows).toEqual(Array.from({ length: 1203 }, (_, i) => i + 2));

    const stranger = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM01'] });
    await authed(testApp, stranger.token).get(`/api/imports/${importId}/errors`).expect(404);
    await api.get(`/api/imports/${importId}/errors?pageSize=501`).expect(400);
    await api.get('/api/imports/not-a-uuid/errors').expect(400);
  });

  describe('access and bad uploads', () => {
    it('should answer 401 without a token and 400 when the file is missing, empty or not CSV', async () => {
      const server = testApp.app.getHttpServer();
      const stored = await count('imports');
      await request(server).post('/api/imports/employers').attach('file', Buffer.from(HEADER), 'a.csv').expect(401);
      await api.post('/api/imports/employers').field('note', 'x').expect(400);
      const empty = await api.post('/api/imports/employers').attach('file', Buffer.alloc(0), 'a.csv');
      expect(empty.status).toBe(400);
      const xlsx = await api
        .post('/api/imports/employers')
        .attach('file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'werkgevers.xlsx');
      expect(xlsx.status).toBe(400);
      expect(xlsx.body.details).toEqual([expect.objectContaining({ field: 'file' })]);
      const binary = await api
        .post('/api/imports/employers')
        .attach('file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'werkgevers.csv');
      expect(binary.status).toBe(400);
      expect(binary.body.details).toEqual([
        expect.objectContaining({ field: 'file', problem: expect.stringMatching(/not CSV text/) }),
      ]);
      expect(await count('imports')).toBe(stored);
    });

    it('should answer 400 naming the field file when the CSV comes in another multipart field', async () => {
      const before = await count('imports');
      const response = await api.post('/api/imports/employers').attach('upload', Buffer.from(COMMA_FILE), 'a.csv');
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ field: 'file', problem: 'send the CSV in the multipart field "file"' }]);
      expect(await count('imports')).toBe(before);
    });

    it('should let users of the same region read an import and answer 404 to other regions and 400 to a malformed id', async () => {
      const colleague = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
      const stranger = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM01'] });
      const admin = await createUser(testApp, { role: 'admin' });
      await authed(testApp, colleague.token).get(`/api/imports/${firstImportId}`).expect(200);
      await authed(testApp, admin.token).get(`/api/imports/${firstImportId}`).expect(200);
      await authed(testApp, stranger.token).get(`/api/imports/${firstImportId}`).expect(404);
      await api.get('/api/imports/00000000-0000-4000-8000-000000000000').expect(404);
      await api.get('/api/imports/not-a-uuid').expect(400);
    });

    it('should describe the upload as multipart with a file field in the OpenAPI document', async () => {
      const docs = await request(testApp.app.getHttpServer()).get('/docs-json').expect(200);
      const upload = docs.body.paths['/api/imports/employers'].post;
      expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data']);
      expect(upload.responses['202']).toBeDefined();
      expect(docs.body.paths['/api/imports/{id}'].get.responses['200']).toBeDefined();
    });

    it('should let an admin import into any region', async () => {
      const admin = await createUser(testApp, { role: 'admin' });
      const { final } = await importFile(
        [HEADER, row({ name: 'Groningen BV', kvkNumber: '45678901', regionCode: 'AM01' })].join('\n'),
        admin,
      );
      expect(final).toMatchObject({ status: 'completed', created: 1, failed: 0 });
    });
  });
});

describe('employer CSV import upload limit', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ UPLOAD_MAX_BYTES: String(1_500_000) });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should answer 413 and store nothing when the upload is over UPLOAD_MAX_BYTES', async () => {
    const user = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    // 3 MB: the first 1 MB chunk is stored before the limit is seen, and must go again.
    const big = [
      HEADER,
      ...Array.from({ length: 300 }, (_, i) =>
        row({ name: `W ${i}`, kvkNumber: String(10_000_000 + i), regionCode: 'AM25', city: ' '.repeat(10_000) }),
      ),
    ].join('\n');
    const response = await authed(testApp, user.token)
      .post('/api/imports/employers')
      .attach('file', Buffer.from(big), 'big.csv');
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413 });
    const [{ n, chunks }] = await testApp.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n, (SELECT count(*)::int FROM import_file_chunks) AS chunks FROM imports`);
    expect({ n, chunks }).toEqual({ n: 0, chunks: 0 });
    // A file under the limit still goes through.
    await authed(testApp, user.token)
      .post('/api/imports/employers')
      .attach(
        'file',
        Buffer.from([HEADER, row({ name: 'Klein', kvkNumber: '10000001', regionCode: 'AM25' })].join('\n')),
        'small.csv',
      )
      .expect(202);
  });
});
