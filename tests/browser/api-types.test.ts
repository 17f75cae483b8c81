import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import request from 'supertest';
import { projectPath } from '@app/core';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The web app's API types are generated from the live OpenAPI document, never written by hand.
 * `npm run web:api-types` runs this file with UPDATE_API_TYPES=1 to rewrite them; otherwise it
 * fails when the committed file no longer matches what the api documents.
 */
const SCHEMA_FILE = projectPath('apps/web/src/api/schema.d.ts');

describe('web api types', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('should match the OpenAPI document of the api when the schema file is up to date', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/docs-json').expect(200);
    const generated =
      '// Generated from /docs-json by `npm run web:api-types`; do not edit by hand.\n' +
      astToString(await openapiTS(response.body as Parameters<typeof openapiTS>[0]));

    if (process.env.UPDATE_API_TYPES === '1') await writeFile(SCHEMA_FILE, generated);
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');

    // Not the diff itself: 5,000 lines help nobody; the message says what to run.
    expect(committed === generated ? 'up to date' : 'stale: run `npm run web:api-types`').toBe('up to date');
  });
});
