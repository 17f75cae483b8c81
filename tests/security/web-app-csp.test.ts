import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { serveWebApp } from '../../apps/api/root/web-app';

/**
 * The web app's Content-Security-Policy, pinned directive by directive. The one loosening is
 * deliberate: `style-src 'unsafe-inline'`, because the template preview shows a rendered e-mail
 * (inline `style` attributes) in an `<iframe srcdoc>` that inherits this policy. Scripts stay
 * limited to the app's own files, and nothing may frame the app or load plugins.
 */

@Module({})
class EmptyModule {}

let directory: string;
let app: NestExpressApplication;
let headers: Record<string, string>;

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== '')
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), 'vw-csp-'));
  mkdirSync(path.join(directory, 'assets'));
  writeFileSync(path.join(directory, 'index.html'), '<!doctype html><title>Vliegwiel</title>');
  app = await NestFactory.create<NestExpressApplication>(EmptyModule, { logger: false });
  serveWebApp(app, directory);
  await app.init();
  const response = await request(app.getHttpServer())
    .get('/campagnes/sjablonen/7c4afa7b-8cd2-44d6-bd3c-6ef0973738d2')
    .set('Accept', 'text/html')
    .expect(200);
  headers = response.headers as Record<string, string>;
});

afterAll(async () => {
  await app?.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('Content-Security-Policy of the web app', () => {
  it('should allow scripts only from the app itself: no inline, eval, data: or other hosts', () => {
    const policy = directives(headers['content-security-policy']);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(headers['content-security-policy']).not.toMatch(/unsafe-(eval|hashes)|wasm-unsafe-eval|strict-dynamic/);
    const inline = [...policy].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name);
    expect(inline).toEqual(['style-src']);
  });

  it('should allow inline styles (the preview frame) but no other style origin', () => {
    expect(directives(headers['content-security-policy']).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('should block plugins, framing by others, a foreign base and foreign form targets', () => {
    const policy = directives(headers['content-security-policy']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    // Nothing else: a new directive (or a loosened one) must be a decision, made here too.
    expect([...policy.keys()].sort()).toEqual(
      [
        'base-uri',
        'connect-src',
        'default-src',
        'form-action',
        'frame-ancestors',
        'img-src',
        'object-src',
        'script-src',
        'style-src',
      ].sort(),
    );
  });

  it('should send the other hardening headers with the page', () => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
  });
});
