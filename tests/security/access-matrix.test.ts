import request from 'supertest';
import { Role, ROLES } from '@app/auth';
import { TestApp } from '../support/test-app';
import { RECORD_QUERY_PARAMS, VALID_BODIES } from './request-bodies';
import { allowedRoles, OperationRule, OPERATIONS, ParamKind } from './role-table';
import {
  bodySchemaName,
  buildWorld,
  fetchOpenApi,
  idsOf,
  OpenApiDocument,
  OpenApiOperation,
  operationsOf,
  RegionRecords,
  SecurityWorld,
  tableCounts,
  UNKNOWN_ID,
  startSecurityApp,
} from './security-fixtures';

/**
 * Scenario 9 (docs/reliability.md): every endpoint of /docs-json × every role × own and foreign
 * region, plus malformed and unknown ids, against the role table of api.md (role-table.ts).
 * Precedence (api.md): 403 for a role the table refuses; 404 for a record or region outside the
 * caller's regions; 400 for a malformed id; never a 2xx that the table does not allow, never a 5xx.
 */

type Variant = 'own' | 'foreign' | 'cross-body' | 'foreign-filter' | 'malformed' | 'unknown';

interface Probe {
  key: string;
  role: Role;
  variant: Variant;
  method: string;
  url: string;
  body?: unknown;
  multipart?: boolean;
  /** What api.md requires: an exact status, or a predicate with its description. */
  expect: number | { test: (status: number) => boolean; describe: string };
  /** Ids that must not appear in a 2xx answer. */
  mustNotMention?: string[];
  /** A GET of one record: the answer's `id` must be this one. */
  sameId?: string;
}

const MALFORMED_IDS = ['not-a-uuid', "1' OR '1'='1", '..%2F..%2Fetc%2Fpasswd', '%00', '12345', 'null'];
const PROBE_BODY = { __probe: true };

function paramValue(
  kind: ParamKind,
  records: RegionRecords,
  mode: 'real' | 'malformed' | 'unknown',
  n: number,
): string {
  if (kind === 'version') return mode === 'real' ? '1' : mode === 'unknown' ? '999' : 'abc';
  if (kind === 'token') return 'not-a-real-token';
  if (mode === 'malformed') return MALFORMED_IDS[n % MALFORMED_IDS.length];
  if (mode === 'unknown') return UNKNOWN_ID;
  return records[kind];
}

function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`No value for path parameter ${name} of ${path}`);
    return values[name];
  });
}

function queryParams(op: OpenApiOperation): string[] {
  return (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
}

function isPublicInDocument(op: OpenApiOperation): boolean {
  return !op.security || op.security.length === 0;
}

const notRefused = {
  test: (s: number) => s < 500 && s !== 401 && s !== 403 && s !== 404,
  describe: 'allowed (not 401/403/404/5xx)',
};

/** Builds every request of the matrix for one operation. */
function probesFor(
  world: SecurityWorld,
  key: string,
  method: string,
  path: string,
  op: OpenApiOperation,
  rule: OperationRule,
  counter: { n: number },
): Probe[] {
  const probes: Probe[] = [];
  const schema = bodySchemaName(op);
  const multipart = op.requestBody?.content['multipart/form-data'] !== undefined;
  const hasBody = schema !== undefined || multipart;
  const params = rule.params ?? {};
  const paramNames = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const query = queryParams(op);
  const valid = (records: RegionRecords) => (schema ? VALID_BODIES[schema](records) : undefined);
  const values = (records: RegionRecords, mode: 'real' | 'malformed' | 'unknown', only?: string) =>
    Object.fromEntries(
      paramNames.map((name) => [
        name,
        paramValue(
          params[name],
          only === undefined || only === name ? records : world.own,
          only === undefined || only === name ? mode : 'real',
          counter.n++,
        ),
      ]),
    );
  const withQuery = (url: string, entries: Record<string, string>) => {
    const search = new URLSearchParams(entries).toString();
    return search ? `${url}?${search}` : url;
  };

  for (const role of ROLES) {
    const allowed = allowedRoles(rule).includes(role);
    const base = { key, role, method, multipart };
    const forbidden = (variant: Variant, url: string, body?: unknown): Probe => ({
      ...base,
      variant,
      url,
      body,
      expect: rule.row === 'noUser' ? { test: (s) => s === 401 || s === 403, describe: '401 or 403' } : 403,
    });
    const ownUrl = (records: RegionRecords) =>
      withQuery(
        fillPath(path, values(records, 'real')),
        query.includes('regionId') ? { regionId: records.region } : {},
      );

    if (!allowed) {
      // The guard answers before anything is read: the real, valid request must still be 403.
      probes.push(forbidden('own', ownUrl(world.own), valid(world.own)));
      probes.push(forbidden('foreign', ownUrl(world.foreign), valid(world.foreign)));
      for (const name of paramNames) {
        probes.push(forbidden('malformed', fillPath(path, values(world.own, 'malformed', name)), valid(world.own)));
        probes.push(forbidden('unknown', fillPath(path, values(world.own, 'unknown', name)), valid(world.own)));
      }
      continue;
    }

    const scoped = role !== 'admin';
    // Own records: GETs run for real; a change is only probed with an unknown field (400 proves the
    // guard let it through without writing anything); a change without a body is covered by `unknown`.
    if (!rule.mutates && !hasBody)
      probes.push({
        ...base,
        variant: 'own',
        url: ownUrl(world.own),
        expect: notRefused,
        mustNotMention: scoped ? idsOf(world.foreign).filter((id) => id !== world.foreign.region) : undefined,
        sameId:
          method === 'get' && paramNames.length === 1 && params[paramNames[0]] !== 'region'
            ? values(world.own, 'real')[paramNames[0]]
            : undefined,
      });
    else if (hasBody) probes.push({ ...base, variant: 'own', url: ownUrl(world.own), body: PROBE_BODY, expect: 400 });

    // Foreign records (paths, region filters, bodies): 404 for everyone but the admin, with a
    // valid body, so a missing scope check would really act on the other region.
    const foreignTouches = paramNames.length > 0 || query.includes('regionId') || (schema !== undefined && !multipart);
    if (foreignTouches && !(schema === undefined && multipart)) {
      const foreignBody = valid(world.foreign);
      const refersToForeign =
        paramNames.some((name) => params[name] !== 'version') ||
        query.includes('regionId') ||
        idsOf(world.foreign).some((id) => JSON.stringify(foreignBody ?? {}).includes(id));
      if (refersToForeign) {
        if (scoped)
          probes.push({ ...base, variant: 'foreign', url: ownUrl(world.foreign), body: foreignBody, expect: 404 });
        else if (!rule.mutates)
          probes.push({
            ...base,
            variant: 'foreign',
            url: ownUrl(world.foreign),
            body: foreignBody,
            expect: notRefused,
          });
      }
    }
    // Own path, but a body that names the other region's records.
    if (scoped && paramNames.length > 0 && schema !== undefined) {
      const body = valid(world.foreign);
      if (idsOf(world.foreign).some((id) => JSON.stringify(body).includes(id)))
        probes.push({
          ...base,
          variant: 'cross-body',
          url: fillPath(path, values(world.own, 'real')),
          body,
          expect: 404,
        });
    }
    // Record filters on lists naming the other region's records: 404, or a list without them.
    if (scoped && method === 'get') {
      for (const name of query.filter((q) => q in RECORD_QUERY_PARAMS && q !== 'regionId')) {
        probes.push({
          ...base,
          variant: 'foreign-filter',
          url: withQuery(fillPath(path, values(world.own, 'real')), {
            [name]: world.foreign[RECORD_QUERY_PARAMS[name]],
          }),
          expect: {
            test: (s) => s === 404 || (s >= 200 && s < 300),
            describe: '404 or a list without foreign records',
          },
          mustNotMention: idsOf(world.foreign).filter(
            (id) => id !== world.foreign.region && id !== world.foreign[RECORD_QUERY_PARAMS[name]],
          ),
        });
      }
    }
    // Malformed and unknown ids, one parameter at a time.
    for (const name of paramNames) {
      probes.push({
        ...base,
        variant: 'malformed',
        url: fillPath(path, values(world.own, 'malformed', name)),
        body: valid(world.own),
        expect: 400,
      });
      probes.push({
        ...base,
        variant: 'unknown',
        url: fillPath(path, values(world.own, 'unknown', name)),
        body: valid(world.own),
        expect: 404,
      });
    }
  }
  return probes;
}

const METRICS_TOKEN = 'security-metrics-token-0123456789';

describe('Access matrix: every endpoint of /docs-json × role × region (api.md role table)', () => {
  let testApp: TestApp;
  let world: SecurityWorld;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    testApp = await startSecurityApp({ METRICS_TOKEN });
    world = await buildWorld(testApp);
    doc = await fetchOpenApi(testApp);
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
  });

  it('should classify every endpoint of the OpenAPI document when the role table is read from api.md', () => {
    const keys = operationsOf(doc).map((o) => o.key);
    const unclassified = keys.filter((key) => !(key in OPERATIONS));
    // A new endpoint must be added to role-table.ts (from api.md) before it can ship.
    expect(unclassified).toEqual([]);
    const stale = Object.entries(OPERATIONS)
      .filter(([key, rule]) => !rule.planned && !rule.outsideDocument && !keys.includes(key))
      .map(([key]) => key);
    expect(stale).toEqual([]);
    const bodies = operationsOf(doc)
      .map((o) => bodySchemaName(o.op))
      .filter((name): name is string => name !== undefined && !(name in VALID_BODIES));
    expect(bodies).toEqual([]);
  });

  it('should document exactly the public endpoints of the role table as public when /docs-json is read', () => {
    const publicInDoc = operationsOf(doc)
      .filter((o) => isPublicInDocument(o.op))
      .map((o) => o.key)
      .sort();
    const publicInTable = operationsOf(doc)
      .filter((o) => OPERATIONS[o.key]?.row === 'public')
      .map((o) => o.key)
      .sort();
    expect(publicInDoc).toEqual(publicInTable);
  });

  it('should answer every public endpoint and refuse every other one with 401 when no token is sent', async () => {
    const server = testApp.app.getHttpServer();
    const failures: string[] = [];
    for (const { key, method, path, op } of operationsOf(doc)) {
      const rule = OPERATIONS[key];
      if (!rule) continue; // reported by the classification test above
      const url = fillPath(
        path,
        Object.fromEntries(
          [...path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], paramValue(rule.params![m[1]], world.own, 'real', 0)]),
        ),
      );
      const schema = bodySchemaName(op);
      let req = request(server)[method as 'get'](url);
      // A public body gets an unknown field (400, not a failed sign-in); the rest must not even read it.
      if (schema) req = req.send(rule.row === 'public' ? PROBE_BODY : VALID_BODIES[schema](world.own));
      const status = (await req).status;
      const ok = rule.row === 'public' ? status !== 401 && status !== 403 && status < 500 : status === 401;
      if (!ok) failures.push(`${key} without a token → ${status}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('should refuse every forbidden role with 403 and every foreign record with 404 when each role calls each endpoint', async () => {
    const server = testApp.app.getHttpServer();
    const counter = { n: 0 };
    const probes = operationsOf(doc)
      .filter(({ key }) => OPERATIONS[key] && OPERATIONS[key].row !== 'public')
      .flatMap(({ key, method, path, op }) => probesFor(world, key, method, path, op, OPERATIONS[key], counter));
    const before = await tableCounts(testApp);

    const failures: string[] = [];
    let forbiddenSuccesses = 0;
    // Six requests in flight at a time: the answers do not depend on each other (nothing is written).
    const check = async (probe: Probe) => {
      let req = request(server)
        [probe.method as 'get'](probe.url)
        .set('Authorization', `Bearer ${world.users[probe.role].token}`);
      if (probe.multipart) req = req.field('note', 'no file');
      else if (probe.body !== undefined) req = req.send(probe.body as object);
      const response = await req;
      const status = response.status;
      const ok = typeof probe.expect === 'number' ? status === probe.expect : probe.expect.test(status);
      const expected = typeof probe.expect === 'number' ? String(probe.expect) : probe.expect.describe;
      if (!ok) {
        if (status >= 200 && status < 300) forbiddenSuccesses++;
        failures.push(
          `${probe.role} ${probe.variant} ${probe.method.toUpperCase()} ${probe.url} → ${status} (expected ${expected}) ${JSON.stringify(response.body).slice(0, 200)}`,
        );
        return;
      }
      if (status >= 200 && status < 300 && probe.mustNotMention) {
        const text = response.text ?? JSON.stringify(response.body);
        const leaked = probe.mustNotMention.filter((id) => text.includes(id));
        if (leaked.length > 0) {
          forbiddenSuccesses++;
          failures.push(
            `${probe.role} ${probe.variant} ${probe.method.toUpperCase()} ${probe.url} leaked foreign ids ${leaked.join(', ')}`,
          );
        }
      }
      if (
        probe.sameId &&
        status === 200 &&
        response.body &&
        typeof response.body === 'object' &&
        'id' in response.body
      ) {
        if ((response.body as { id: unknown }).id !== probe.sameId)
          failures.push(
            `${probe.role} GET ${probe.url} answered another record ${(response.body as { id: string }).id}`,
          );
      }
    };
    for (let i = 0; i < probes.length; i += 6) await Promise.all(probes.slice(i, i + 6).map(check));
    const after = await tableCounts(testApp);
    const changed = Object.keys(after).filter((table) => after[table] !== before[table] && table !== 'login_failures');

    const endpoints = new Set(probes.map((p) => p.key)).size;
    console.log(
      `access matrix: ${endpoints} endpoints × ${ROLES.length} roles × own/foreign/malformed/unknown = ${probes.length} requests, ` +
        `${failures.length} failures, ${forbiddenSuccesses} forbidden successes, tables changed: ${changed.join(', ') || 'none'}`,
    );
    expect(failures).toEqual([]);
    expect(forbiddenSuccesses).toBe(0);
    // Every request was refused or only read: not one row anywhere was written.
    expect(changed).toEqual([]);
  }, 300_000);

  it('should admit only the roles of the table to the endpoints outside /docs-json when each role brings its session cookie', async () => {
    const server = testApp.app.getHttpServer();
    const failures: string[] = [];
    const outside = Object.entries(OPERATIONS).filter(([, rule]) => rule.outsideDocument);
    for (const role of ROLES) {
      const opened = await request(server)
        .post('/api/auth/session')
        .set('Authorization', `Bearer ${world.users[role].token}`)
        .expect(200);
      const cookie = ([] as string[])
        .concat(opened.headers['set-cookie'] ?? [])
        .find((line) => line.startsWith('vliegwiel_session='))!
        .split(';')[0];
      for (const [key, rule] of outside.filter(([k]) => k.includes(' /admin/'))) {
        const status = (await request(server).get(key.split(' ')[1]).set('Cookie', cookie)).status;
        const expected = allowedRoles(rule).includes(role) ? 200 : 403;
        if (status !== expected)
          failures.push(`${role} ${key} with its session cookie → ${status} (expected ${expected})`);
      }
      // A user's access token is never the metrics token, whatever the role.
      const metrics = await request(server).get('/metrics').set('Authorization', `Bearer ${world.users[role].token}`);
      if (metrics.status !== 401) failures.push(`${role} GET /metrics with its access token → ${metrics.status}`);
    }
    for (const [key] of outside.filter(([k]) => k.includes(' /admin/'))) {
      const status = (await request(server).get(key.split(' ')[1])).status;
      if (status !== 401) failures.push(`anonymous ${key} → ${status} (expected 401)`);
    }
    for (const token of ['wrong-token', METRICS_TOKEN.slice(0, -1), `${METRICS_TOKEN}0`]) {
      const status = (await request(server).get('/metrics').set('Authorization', `Bearer ${token}`)).status;
      if (status !== 401) failures.push(`GET /metrics with a wrong token → ${status}`);
    }
    await request(server).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(failures).toEqual([]);
  });
});
