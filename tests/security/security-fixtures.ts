import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role, ROLES } from '@app/auth';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

/** The two regions of every security test: the callers' own region and one they must never see. */
export const OWN_REGION = 'AM25';
export const FOREIGN_REGION = 'AM01';
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** One real record of every kind a path parameter can name, all in one region. */
export interface RegionRecords {
  region: string;
  employer: string;
  /** An employer without network links, for a link that must be new. */
  spareEmployer: string;
  employerContact: string;
  organisation: string;
  organisationContact: string;
  contact: string;
  task: string;
  trajectory: string;
  story: string;
  template: string;
  segment: string;
  campaign: string;
  suppression: string;
  target: string;
  import: string;
  user: string;
  /** The employer linked to `organisation` in its network (same as `employer`). */
  networkEmployer: string;
}

export interface SecurityWorld {
  users: Record<Role, TestUser>;
  own: RegionRecords;
  foreign: RegionRecords;
}

/** The OpenAPI document the running app serves: the list of endpoints every security test walks. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, SchemaObject> };
}
export interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: SchemaObject }[];
  requestBody?: { content: Record<string, { schema?: SchemaObject }> };
  security?: unknown[];
}
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  oneOf?: SchemaObject[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  additionalProperties?: boolean | SchemaObject;
}

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export async function fetchOpenApi(testApp: TestApp): Promise<OpenApiDocument> {
  const response = await request(testApp.app.getHttpServer()).get('/docs-json');
  if (response.status !== 200) throw new Error(`/docs-json answered ${response.status}`);
  return response.body as OpenApiDocument;
}

/** Every operation of the document as `METHOD /path` (the key the role table uses). */
export function operationsOf(
  doc: OpenApiDocument,
): { key: string; method: string; path: string; op: OpenApiOperation }[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => (HTTP_METHODS as readonly string[]).includes(method))
      .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, op })),
  );
}

/** The JSON request-body schema name of an operation (e.g. `CreateEmployerDto`), if any. */
export function bodySchemaName(op: OpenApiOperation): string | undefined {
  const ref = op.requestBody?.content['application/json']?.schema?.$ref;
  return ref?.replace('#/components/schemas/', '');
}

const unique = () => randomBytes(4).toString('hex');

/**
 * The api for a security test file. The request rate limit is off (0): these files send thousands of
 * requests on purpose, and a 429 from the limit would hide the status the role table requires. The
 * sign-in throttle of libs/auth is separate and stays on.
 */
export function startSecurityApp(env: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp({ RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0', ...env });
}
let kvkSeq = 0;
/** A fresh 8-digit KvK number (KvK numbers carry no check digit). */
export const freshKvk = () => String(70_000_000 + (process.pid % 1000) * 10_000 + ++kvkSeq);

/**
 * Users of all four roles in the own region (admin: every region) and one record of every kind in the
 * own and the foreign region, made once through the API by the admin (imports through SQL: a real
 * upload would start a queue job per region).
 */
export async function buildWorld(testApp: TestApp): Promise<SecurityWorld> {
  const entries = await Promise.all(
    ROLES.map(
      async (role) =>
        [role, await createUser(testApp, { role, regionCodes: role === 'admin' ? [] : [OWN_REGION] })] as const,
    ),
  );
  const users = Object.fromEntries(entries) as Record<Role, TestUser>;
  const own = await regionRecords(testApp, users.admin, OWN_REGION);
  const foreign = await regionRecords(testApp, users.admin, FOREIGN_REGION);
  return { users, own, foreign };
}

async function regionRecords(testApp: TestApp, admin: TestUser, code: string): Promise<RegionRecords> {
  const api = authed(testApp, admin.token);
  const region = await regionId(testApp, code);
  const created = async (path: string, body: object): Promise<string> => {
    const response = await api.post(path).send(body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return (response.body as { id: string }).id;
  };
  const employer = await created('/api/employers', {
    name: `Werkgever ${code}`,
    kvkNumber: freshKvk(),
    regionId: region,
  });
  const spareEmployer = await created('/api/employers', {
    name: `Tweede ${code}`,
    kvkNumber: freshKvk(),
    regionId: region,
  });
  const employerContact = await created(`/api/employers/${employer}/contacts`, {
    firstName: 'Eva',
    lastName: `Contact ${code}`,
    email: `eva.${code.toLowerCase()}@werkgever.example`,
    emailBasis: 'consent',
    emailBasisSource: 'intake',
  });
  const organisation = await created('/api/organisations', {
    kind: 'sw_company',
    name: `SW-bedrijf ${code}`,
    regionId: region,
  });
  const organisationContact = await created(`/api/organisations/${organisation}/contacts`, {
    lastName: `Partner ${code}`,
  });
  await created(`/api/organisations/${organisation}/network`, { employerId: employer, relation: 'partner' });
  const task = await created('/api/tasks', {
    employerId: employer,
    title: `Bellen ${code}`,
    dueAt: '2027-01-04T09:00:00+01:00',
  });
  const trajectory = await created('/api/trajectories', {
    employerId: employer,
    route: 'direct',
    candidateRef: `K-${unique()}`,
    startedAt: '2026-01-05',
  });
  const story = await created('/api/stories', {
    employerId: employer,
    title: `Verhaal ${code}`,
    summary: 'Goed',
    published: false,
  });
  const template = await created('/api/templates', {
    regionId: region,
    name: `Sjabloon ${code}`,
    subject: 'Hallo {{employer.name}}',
    html: '<p>Beste {{contact.firstName}}</p>',
  });
  const segment = await created('/api/segments', { regionId: region, name: `Segment ${code}`, filter: { all: [] } });
  const campaign = await created('/api/campaigns', {
    name: `Campagne ${code}`,
    regionId: region,
    segmentId: segment,
    steps: [{ type: 'email', templateId: template }],
  });
  const suppression = await created('/api/suppressions', {
    email: `weg.${code.toLowerCase()}@elders.example`,
    regionId: region,
    reason: 'test',
  });
  const target = await saveTarget(api, region);
  const user = (await createUser(testApp, { role: 'wsp_staff', regionCodes: [code] })).id;
  const [{ id: importId }] = (await testApp.app
    .get(DataSource)
    .query(
      `INSERT INTO imports (kind, filename, file, created_by, region_ids) VALUES ('employers', 'a.csv', ''::bytea, $1, $2) RETURNING id`,
      [user, [region]],
    )) as { id: string }[];
  return {
    region,
    employer,
    spareEmployer,
    employerContact,
    organisation,
    organisationContact,
    contact: employerContact,
    task,
    trajectory,
    story,
    template,
    segment,
    campaign,
    suppression,
    target,
    import: importId,
    user,
    networkEmployer: employer,
  };
}

async function saveTarget(api: ReturnType<typeof authed>, region: string): Promise<string> {
  const response = await api
    .post('/api/targets')
    .send({ regionId: region, period: '2027', metric: 'certificates', value: 5 });
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`/api/targets: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { id: string }).id;
}

/** Every id of a region's records, to find them in a response that should not mention them. */
export function idsOf(records: RegionRecords): string[] {
  return [...new Set(Object.values(records))];
}

/** Row counts of every table in the public schema (plus audit entries), to prove a refused request wrote nothing. */
export async function tableCounts(testApp: TestApp): Promise<Record<string, number>> {
  const db = testApp.app.get(DataSource);
  const tables = (await db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('migrations', 'login_failures') ORDER BY tablename`,
  )) as { tablename: string }[];
  // An allowed export of a person's data is audited on purpose (AVG): a read that writes its own trace.
  const filter = (table: string) => (table === 'audit_log' ? ` WHERE action <> 'privacy.export'` : '');
  const union = tables
    .map((t) => `SELECT '${t.tablename}' AS t, count(*)::int AS n FROM "${t.tablename}"${filter(t.tablename)}`)
    .join(' UNION ALL ');
  const rows = (await db.query(union)) as { t: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}
