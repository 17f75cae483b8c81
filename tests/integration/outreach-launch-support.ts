import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Rows for the launch tests, written straight into their tables: the launch depends on the schema,
 * not on how the CRM, segment and template endpoints validate.
 */
export class LaunchFixtures {
  private kvk = 40000000 + Math.floor(Math.random() * 1000000);

  constructor(private readonly db: DataSource) {}

  async regionId(code: string): Promise<string> {
    const [row]: { id: string }[] = await this.db.query(`SELECT id FROM regions WHERE code = $1`, [code]);
    return row.id;
  }

  async user(regionId: string): Promise<string> {
    const email = `am-${randomBytes(4).toString('hex')}@test.example`;
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO users (email, name, role, region_ids, password_hash) VALUES ($1, $1, 'account_manager', $2, 'x')
       RETURNING id`,
      [email, [regionId]],
    );
    return row.id;
  }

  async wsp(regionId: string): Promise<void> {
    await this.db.query(`INSERT INTO organisations (region_id, kind, name) VALUES ($1, 'wsp', 'WSP')`, [regionId]);
  }

  async employer(regionId: string, values: Record<string, unknown> = {}): Promise<string> {
    const all = {
      region_id: regionId,
      kind: 'employer',
      name: `Werkgever ${this.kvk}`,
      kvk_number: String(this.kvk++),
      ...values,
    };
    const columns = Object.keys(all);
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO organisations (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
       RETURNING id`,
      Object.values(all),
    );
    return row.id;
  }

  /** A contact with an address and a basis unless told otherwise. */
  async contact(
    employerId: string,
    regionId: string,
    values: { email?: string | null; basis?: string | null; primary?: boolean } = {},
  ): Promise<string> {
    const email = values.email === undefined ? `c-${randomBytes(4).toString('hex')}@example.nl` : values.email;
    const basis = values.basis === undefined ? 'consent' : values.basis;
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO contacts (organisation_id, region_id, last_name, email, email_basis, is_primary)
       VALUES ($1, $2, 'Jansen', $3, $4, $5) RETURNING id`,
      [employerId, regionId, email, basis, values.primary ?? true],
    );
    return row.id;
  }

  async suppress(email: string, regionId: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO suppressions (email, region_id, reason, source) VALUES ($1, $2, 'test', 'manual')`,
      [email.toLowerCase(), regionId],
    );
  }

  async template(regionId: string): Promise<string> {
    const [row]: { template_id: string }[] = await this.db.query(
      `WITH t AS (INSERT INTO templates (region_id, name) VALUES ($1, $2) RETURNING id)
       INSERT INTO template_versions (template_id, version, subject, html)
       SELECT id, 1, 'Hallo', '<p>Hallo</p>' FROM t RETURNING template_id`,
      [regionId, `Template ${randomBytes(4).toString('hex')}`],
    );
    return row.template_id;
  }

  async segment(regionId: string, filter: object): Promise<string> {
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO segments (region_id, name, filter) VALUES ($1, $2, $3::jsonb) RETURNING id`,
      [regionId, `Segment ${randomBytes(4).toString('hex')}`, JSON.stringify(filter)],
    );
    return row.id;
  }

  async campaign(values: {
    regionId: string;
    segmentId: string;
    senderId: string;
    templateId: string;
    status?: string;
    contactScope?: 'primary' | 'all';
    exitStage?: string;
  }): Promise<string> {
    const steps = [{ type: 'email', templateId: values.templateId }];
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO campaigns (region_id, name, segment_id, sender_id, steps, contact_scope, exit_stage, status)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) RETURNING id`,
      [
        values.regionId,
        `Campagne ${randomBytes(4).toString('hex')}`,
        values.segmentId,
        values.senderId,
        JSON.stringify(steps),
        values.contactScope ?? 'primary',
        values.exitStage ?? 'interested',
        values.status ?? 'launching',
      ],
    );
    return row.id;
  }

  async enrolments(campaignId: string): Promise<{ contact_id: string; status: string; exit_reason: string | null }[]> {
    return this.db.query(
      `SELECT contact_id, status, exit_reason FROM enrolments WHERE campaign_id = $1 ORDER BY contact_id`,
      [campaignId],
    );
  }

  async counters(campaignId: string): Promise<Record<string, unknown>> {
    const [row]: Record<string, unknown>[] = await this.db.query(
      `SELECT status, audience, skipped_no_email, skipped_no_basis, skipped_suppressed, skipped_restricted,
              skipped_overlap, launched_at IS NOT NULL AS launched
       FROM campaigns WHERE id = $1`,
      [campaignId],
    );
    return row;
  }
}
