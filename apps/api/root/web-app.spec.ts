import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { serveWebApp } from './web-app';

@Module({})
class EmptyModule {}

async function appServing(directory: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(EmptyModule, { logger: false });
  serveWebApp(app, directory);
  await app.init();
  return app;
}

describe('serveWebApp', () => {
  let directory: string;
  let app: NestExpressApplication | undefined;

  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'vw-web-'));
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(directory, { recursive: true, force: true });
  });

  function build() {
    mkdirSync(path.join(directory, 'assets'));
    writeFileSync(path.join(directory, 'index.html'), '<!doctype html><title>Vliegwiel</title>');
    writeFileSync(path.join(directory, 'assets', 'index-abc123.js'), 'console.log(1)');
  }

  it('should send / to /docs when the web app is not built', async () => {
    app = await appServing(directory);

    const response = await request(app.getHttpServer()).get('/').set('Accept', 'text/html').expect(302);

    expect(response.headers.location).toBe('/docs');
  });

  it('should answer index.html with a strict content policy for a deep link when a browser asks for a page', async () => {
    build();
    app = await appServing(directory);

    const response = await request(app.getHttpServer())
      .get('/werkgevers/7c4afa7b-8cd2-44d6-bd3c-6ef0973738d2')
      .set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8')
      .expect(200);

    expect(response.text).toContain('<title>Vliegwiel</title>');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('should serve hashed assets as immutable files when they exist', async () => {
    build();
    app = await appServing(directory);

    const response = await request(app.getHttpServer()).get('/assets/index-abc123.js').expect(200);

    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('should leave api paths and non-page requests to the api when the web app is built', async () => {
    build();
    app = await appServing(directory);
    const server = app.getHttpServer();

    for (const pathname of ['/api/employers', '/docs', '/docs-json', '/u/abc', '/metrics', '/admin/queues'])
      await request(server).get(pathname).set('Accept', 'text/html').expect(404);
    await request(server).post('/werkgevers').set('Accept', 'text/html').expect(404);
    // An API client asking for / (curl, fetch with */*) still gets the documentation.
    expect((await request(server).get('/').set('Accept', '*/*').expect(302)).headers.location).toBe('/docs');
  });
});
