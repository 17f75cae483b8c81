import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestApp } from '../support/test-app';

/**
 * Fixtures for the delivery tests: employers, contacts, a WSP, a template and a running campaign with
 * active enrolments are written straight into their tables, so these tests do not depend on the launch.
 */
const unique = () => randomBytes(4).toString('hex');

const db = (testApp: TestApp) => testApp.app.get(DataSource);

/** The region's WSP (sender identity); one per region. */
export async function ensureWsp(testApp: TestApp, regionId: string, email: string | null = 'wsp@wsp.example') {
  await db(testApp).query(
    `INSERT INTO organisations (region_id, kind, name, postal_address, email)
     VALUES ($1, 'wsp', 'WSP Testregio', 'Postbus 12, 1000 AA Amsterdam', $2)
     ON CONFLICT DO NOTHING`,
    [regionId, email],
  );
}

/** A prospect employer (with its first stage-history row) and one primary contact with an e-mail basis per address. */
export async function insertEmployer(
  testApp: TestApp,
  regionId: string,
  emails: string[],
  ownerId: string | null = null,
): Promise<{ employerId: string; contactIds: string[] }> {
  const [employer]: { id: string }[] = await db(testApp).query(
    `INSERT INTO organisations (region_id, kind, name, city, owner_id) VALUES ($1, 'employer', $2, 'Amsterdam', $3) RETURNING id`,
    [regionId, `Bakkerij ${unique()}`, ownerId],
  );
  await db(testApp).query(
    `INSERT INTO stage_changes (employer_id, region_id, from_stage, to_stage, at, cause)
     VALUES ($1, $2, NULL, 'prospect', now() - interval '1 day', 'manual')`,
    [employer.id, regionId],
  );
  const contactIds: string[] = [];
  for (const [index, email] of emails.entries()) {
    const [contact]: { id: string }[] = await db(testApp).query(
      `INSERT INTO contacts (organisation_id, region_id, first_name, last_name, email, is_primary, email_basis, email_basis_at)
       VALUES ($1, $2, 'Piet', $3, $4, $5, 'consent', now()) RETURNING id`,
      [employer.id, regionId, `Jansen${index}`, email, index === 0],
    );
    contactIds.push(contact.id);
  }
  return { employerId: employer.id, contactIds };
}

export async function insertTemplateVersion(testApp: TestApp, regionId: string, subject: string): Promise<string> {
  const [row]: { template_id: string }[] = await db(testApp).query(
    `WITH t AS (INSERT INTO templates (region_id, name) VALUES ($1, $2) RETURNING id)
     INSERT INTO template_versions (template_id, version, subject, html)
     SELECT id, 1, $3, '<p>Beste {{contact.firstName}} van {{employer.name}},</p>' FROM t RETURNING template_id`,
    [regionId, `Template ${unique()}`, subject],
  );
  return row.template_id;
}

/** A running campaign with the given steps and one active enrolment per contact, due now. */
export async function runningCampaign(
  testApp: TestApp,
  input: {
    regionId: string;
    senderId: string;
    steps: object[];
    employers: { employerId: string; contactIds: string[] }[];
    maxPerHour?: number | null;
    sendWindow?: object | null;
  },
): Promise<string> {
  const [campaign]: { id: string }[] = await db(testApp).query(
    `INSERT INTO campaigns (region_id, name, sender_id, steps, send_window, max_per_hour, status, launched_at)
     VALUES ($1, $2, $3, $4::jsonb, $6::jsonb, $5, 'running', now()) RETURNING id`,
    [
      input.regionId,
      `Campagne ${unique()}`,
      input.senderId,
      JSON.stringify(input.steps),
      input.maxPerHour ?? null,
      input.sendWindow ? JSON.stringify(input.sendWindow) : null,
    ],
  );
  for (const employer of input.employers) {
    for (const contactId of employer.contactIds) {
      await db(testApp).query(
        `INSERT INTO enrolments (campaign_id, contact_id, employer_id, region_id, next_step_at)
         VALUES ($1, $2, $3, $4, now())`,
        [campaign.id, contactId, employer.employerId, input.regionId],
      );
    }
  }
  return campaign.id;
}

export async function query<T = Record<string, unknown>>(testApp: TestApp, sql: string, params: unknown[] = []) {
  return (await db(testApp).query(sql, params)) as T[];
}

/** Polls until `check` holds (or fails after `timeoutMs`). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** The tasks that auto-pausing the campaign created for its owner (title starts with the campaign's name). */
export async function pauseTasks(
  testApp: TestApp,
  campaignId: string,
): Promise<{ title: string; assignee_id: string; due_at: Date }[]> {
  return db(testApp).query(
    `SELECT t.title, t.assignee_id, t.due_at FROM tasks t JOIN campaigns c
       ON starts_with(t.title, 'Campagne ''' || c.name || ''' is automatisch gepauzeerd: ')
     WHERE c.id = $1`,
    [campaignId],
  );
}
