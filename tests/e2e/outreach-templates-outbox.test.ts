import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { authed, createUser, regionId } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

describe('Template test-send without SMTP_URL', () => {
  let testApp: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'vw-outbox-'));
    testApp = await startTestApp({ DATA_DIR: dataDir });
  });

  afterAll(async () => {
    await testApp?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should write the test message as an .eml file to <DATA_DIR>/outbox when no SMTP server is set', async () => {
    const manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    const api = authed(testApp, manager.token);
    const template = (
      await api
        .post('/api/templates')
        .send({
          regionId: await regionId(testApp, 'AM25'),
          name: 'Offline',
          subject: 'Offline test',
          html: '<p>Hoi</p>',
        })
        .expect(201)
    ).body as { id: string };

    await api.post(`/api/templates/${template.id}/test-send`).send({}).expect(202);

    const outbox = path.join(dataDir, 'outbox');
    let files: string[] = [];
    for (let i = 0; i < 200 && files.length === 0; i++) {
      files = await readdir(outbox).catch(() => []);
      if (files.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const parsed = await simpleParser(await readFile(path.join(outbox, files[0])));
    expect(parsed.subject).toBe('[TEST] Offline test');
    expect(parsed.text).toContain('/u/preview');
  });
});
