import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hashPassword, Role, UserRepository } from '@app/auth';
import { TestApp } from './test-app';

/**
 * Session helpers for e2e tests:
 *   const id = await regionId(testApp, 'AM25');
 *   const alice = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
 *   const api = authed(testApp, alice.token);
 *   await api.post('/api/employers').send({ ... }).expect(201);
 */

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  regionIds: string[];
  /** A real access token, obtained through POST /api/auth/login. */
  token: string;
}

/** The id of a region by its CBS code (e.g. `AM25`); throws when the code is unknown. */
export async function regionId(testApp: TestApp, code: string): Promise<string> {
  const rows = (await testApp.app.get(DataSource).query('SELECT id FROM regions WHERE code = $1', [code])) as {
    id: string;
  }[];
  if (rows.length === 0) throw new Error(`No region with code ${code}`);
  return rows[0].id;
}

/** Inserts a user straight through the repository (no audit entry) and signs them in over HTTP. */
export async function createUser(
  testApp: TestApp,
  options: { role: Role; regionCodes?: string[]; email?: string; password?: string; name?: string },
): Promise<TestUser> {
  const email = options.email ?? `${options.role}-${randomBytes(4).toString('hex')}@test.example`;
  const password = options.password ?? `pw-${randomBytes(8).toString('hex')}`;
  const regionIds = await Promise.all((options.regionCodes ?? []).map((code) => regionId(testApp, code)));
  const user = await testApp.app.get(UserRepository).insert({
    email: email.toLowerCase(),
    name: options.name ?? `Test ${options.role}`,
    role: options.role,
    regionIds,
    phone: null,
    passwordHash: await hashPassword(password),
  });
  return {
    id: user.id,
    email: user.email,
    password,
    role: user.role,
    regionIds,
    token: await login(testApp, email, password),
  };
}

/** Signs in over HTTP and returns the access token; fails loudly on anything but 200. */
export async function login(testApp: TestApp, email: string, password: string): Promise<string> {
  const response = await request(testApp.app.getHttpServer()).post('/api/auth/login').send({ email, password });
  if (response.status !== 200)
    throw new Error(`Login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { accessToken: string }).accessToken;
}

/** supertest with `Authorization: Bearer <token>` set; chain `.send()`, `.query()`, `.expect()` as usual. */
export function authed(testApp: TestApp, token: string) {
  const server = testApp.app.getHttpServer();
  const bearer = `Bearer ${token}`;
  return {
    get: (path: string) => request(server).get(path).set('Authorization', bearer),
    post: (path: string) => request(server).post(path).set('Authorization', bearer),
    put: (path: string) => request(server).put(path).set('Authorization', bearer),
    patch: (path: string) => request(server).patch(path).set('Authorization', bearer),
    delete: (path: string) => request(server).delete(path).set('Authorization', bearer),
  };
}
