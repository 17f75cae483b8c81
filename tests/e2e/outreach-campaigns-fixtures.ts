import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestApp } from '../support/test-app';

/**
 * Fixtures for the campaign e2e tests. Templates and segments are written straight into their tables
 * (owned by the template and segment areas), so these tests depend only on the schema, not on how
 * those endpoints validate.
 */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const unique = () => randomBytes(4).toString('hex');

/** A template with its first version; `regionId` null makes it national. */
export async function insertTemplate(testApp: TestApp, regionId: string | null): Promise<string> {
  const [row]: { template_id: string }[] = await testApp.app.get(DataSource).query(
    `WITH t AS (INSERT INTO templates (region_id, name) VALUES ($1, $2) RETURNING id)
     INSERT INTO template_versions (template_id, version, subject, html)
     SELECT id, 1, 'Hallo {{contact.firstName}}', '<p>Hallo</p>' FROM t RETURNING template_id`,
    [regionId, `Template ${unique()}`],
  );
  return row.template_id;
}

export async function insertSegment(testApp: TestApp, regionId: string): Promise<string> {
  const [row]: { id: string }[] = await testApp.app
    .get(DataSource)
    .query(`INSERT INTO segments (region_id, name, filter) VALUES ($1, $2, '{"all":[]}'::jsonb) RETURNING id`, [
      regionId,
      `Segment ${unique()}`,
    ]);
  return row.id;
}

/**
 * Puts a campaign in a status directly: the launch (which moves a campaign to launching and running)
 * belongs to the sending side, so these tests reach those states through SQL.
 */
export async function setStatus(testApp: TestApp, campaignId: string, status: string): Promise<void> {
  await testApp.app
    .get(DataSource)
    .query(
      `UPDATE campaigns SET status = $2, launch_at = coalesce(launch_at, now() + interval '1 day') WHERE id = $1`,
      [campaignId, status],
    );
}

/** A valid three-step body: mail, wait three working days, mail again. */
export function campaignBody(
  regionId: string,
  segmentId: string,
  templateId: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: `Campagne ${unique()}`,
    regionId,
    segmentId,
    steps: [
      { type: 'email', templateId },
      { type: 'wait', duration: 'P3D' },
      { type: 'email', templateId },
    ],
    ...extra,
  };
}
