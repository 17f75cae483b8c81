import { DataSource, EntityManager } from 'typeorm';
import { DemoDataset, SeedContact, SeedOrganisation } from './demo-dataset';
import { DemoHistoryWriter } from './demo-history.repository';
import { DEMO_REGIONS, DemoRegionKey } from './demo-places';
import { DemoUser } from './demo-people';

export type HashedDemoUser = DemoUser & { passwordHash: string };

/**
 * Writes the demo straight into the tables with SQL, so the demo depends on the schema only, not on
 * the services of the libs. One transaction: the demo is there completely or not at all.
 */
export class DemoSeedRepository {
  constructor(private readonly dataSource: DataSource) {}

  async hasUser(email: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email]);
    return rows.length > 0;
  }

  /** `now`: the moment the demo is filled; the histories count back from it. */
  insert(dataset: DemoDataset, users: HashedDemoUser[], now: Date): Promise<void> {
    return this.dataSource.transaction(async (db) => {
      const regionIds = await this.regionIds(db);
      const userIds = new Map<string, string>();
      for (const user of users) userIds.set(user.key, await this.insertUser(db, user, regionIds));
      const organisationIds = new Map<string, string>();
      for (const organisation of dataset.organisations) {
        const regionId = regionIds.get(organisation.region)!;
        const id = await this.insertOrganisation(db, organisation, regionId, userIds);
        organisationIds.set(organisation.name, id);
        for (const contact of organisation.contacts) await this.insertContact(db, contact, id, regionId, userIds);
      }
      for (const link of dataset.links) {
        await db.query(
          `INSERT INTO network_links (organisation_id, employer_id, relation, since, until) VALUES ($1, $2, $3, $4, $5)`,
          [
            organisationIds.get(link.organisation),
            organisationIds.get(link.employer),
            link.relation,
            link.since,
            link.until,
          ],
        );
      }
      const ids = { regions: regionIds, users: userIds, organisations: organisationIds };
      await new DemoHistoryWriter(db, ids, now).write(dataset.organisations, dataset.histories);
    });
  }

  private async regionIds(db: EntityManager): Promise<Map<DemoRegionKey, string>> {
    const keys = Object.keys(DEMO_REGIONS) as DemoRegionKey[];
    const rows: { id: string; code: string }[] = await db.query('SELECT id, code FROM regions WHERE code = ANY($1)', [
      keys.map((key) => DEMO_REGIONS[key].code),
    ]);
    const ids = new Map<DemoRegionKey, string>();
    for (const key of keys) {
      const row = rows.find((r) => r.code === DEMO_REGIONS[key].code);
      if (!row) throw new Error(`demo: region ${DEMO_REGIONS[key].code} is missing from the reference data`);
      ids.set(key, row.id);
    }
    return ids;
  }

  private async insertUser(db: EntityManager, user: HashedDemoUser, regionIds: Map<DemoRegionKey, string>) {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO users (email, name, role, region_ids, phone, password_hash) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ((lower(email))) DO UPDATE SET email = users.email RETURNING id`,
      [
        user.email,
        user.name,
        user.role,
        user.regions.map((key) => regionIds.get(key)),
        user.phone ?? null,
        user.passwordHash,
      ],
    );
    return rows[0].id;
  }

  private async insertOrganisation(
    db: EntityManager,
    o: SeedOrganisation,
    regionId: string,
    userIds: Map<string, string>,
  ): Promise<string> {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO organisations (region_id, kind, name, kvk_number, vestigingsnummer, rsin, sbi_code, sbi_version,
         sbi_section, size_class, legal_form, postal_address, postcode, city, email, phone, website, recognitions,
         tags, stage, lead_source, owner_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text, CASE WHEN $7::text IS NULL THEN NULL ELSE 2025 END,
         (SELECT section FROM sbi_sections WHERE version = 2025 AND left($7::text, 2)::int BETWEEN division_from AND division_to),
         $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17, $18, $19, $20)
       RETURNING id`,
      [
        regionId,
        o.kind,
        o.name,
        o.kvkNumber,
        o.vestigingsnummer,
        o.rsin,
        o.sbiCode,
        o.sizeClass,
        o.legalForm,
        o.postalAddress,
        o.postcode,
        o.city,
        o.email,
        o.phone,
        o.website,
        JSON.stringify(o.recognitions),
        o.tags,
        o.stage,
        o.leadSource,
        o.owner ? userIds.get(o.owner) : null,
      ],
    );
    return rows[0].id;
  }

  private async insertContact(
    db: EntityManager,
    c: SeedContact,
    organisationId: string,
    regionId: string,
    userIds: Map<string, string>,
  ): Promise<void> {
    const current = c.basisHistory.at(-1);
    const rows: { id: string }[] = await db.query(
      `INSERT INTO contacts (organisation_id, region_id, first_name, last_name, email, phone, role, is_primary,
         email_basis, email_basis_source, email_basis_evidence, email_basis_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        organisationId,
        regionId,
        c.firstName,
        c.lastName,
        c.email,
        c.phone,
        c.role,
        c.isPrimary,
        current?.basis ?? null,
        current?.basis ? current.source : null,
        current?.basis ? current.evidence : null,
        current?.basis ? current.at : null,
      ],
    );
    for (const event of c.basisHistory) {
      await db.query(
        `INSERT INTO contact_basis_history (contact_id, basis, source, evidence, at, by_user_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [rows[0].id, event.basis, event.source, event.evidence, event.at, userIds.get(event.by) ?? null],
      );
    }
  }
}
