import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor, queryPrepared } from '@app/core';

/** What one message to a contact is rendered from, read in one query. */
export interface ContactRenderRow {
  contact_id: string;
  organisation_id: string;
  region_id: string;
  first_name: string | null;
  last_name: string;
  email: string | null;
  employer_name: string;
  employer_city: string | null;
  sbi_version: 2008 | 2025 | null;
  sbi_section: string | null;
  region_name: string;
  wsp_name: string | null;
  wsp_postal_address: string | null;
  sender_name: string | null;
  sender_email: string | null;
  sender_phone: string | null;
}

export interface RegionRenderRow {
  region_name: string | null;
  wsp_name: string | null;
  wsp_postal_address: string | null;
  sender_name: string | null;
  sender_email: string | null;
  sender_phone: string | null;
}

export interface MailUserRow {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: string;
  region_ids: string[];
  disabled: boolean;
}

/** The reads behind a render context: contact, organisation, region, the region's WSP and the sender. */
@Injectable()
export class RenderContextRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when the contact does not exist or lies outside `regionIds` (null = every region). */
  async forContact(contactId: string, senderId: string, regionIds: string[] | null): Promise<ContactRenderRow | null> {
    const rows: ContactRenderRow[] = await managerFor(this.dataSource).query(
      `SELECT c.id AS contact_id, c.organisation_id, c.region_id, c.first_name, c.last_name, c.email,
              o.name AS employer_name, o.city AS employer_city, o.sbi_version, o.sbi_section,
              r.name AS region_name, w.name AS wsp_name, w.postal_address AS wsp_postal_address,
              u.name AS sender_name, u.email AS sender_email, u.phone AS sender_phone
       FROM contacts c
       JOIN organisations o ON o.id = c.organisation_id
       JOIN regions r ON r.id = c.region_id
       LEFT JOIN organisations w ON w.region_id = c.region_id AND w.kind = 'wsp'
       LEFT JOIN users u ON u.id = $2
       WHERE c.id = $1 AND ($3::uuid[] IS NULL OR c.region_id = ANY($3::uuid[]))
       LIMIT 1`,
      [contactId, senderId, regionIds],
    );
    return rows[0] ?? null;
  }

  /** `forContact` for many contacts (no region scope: system work), in one query; keyed by contact id. */
  async forContacts(contacts: { contactId: string; senderId: string }[]): Promise<Map<string, ContactRenderRow>> {
    const rows = await queryPrepared<ContactRenderRow>(
      managerFor(this.dataSource),
      `SELECT c.id AS contact_id, c.organisation_id, c.region_id, c.first_name, c.last_name, c.email,
              o.name AS employer_name, o.city AS employer_city, o.sbi_version, o.sbi_section,
              r.name AS region_name, w.name AS wsp_name, w.postal_address AS wsp_postal_address,
              u.name AS sender_name, u.email AS sender_email, u.phone AS sender_phone
       FROM unnest($1::uuid[], $2::uuid[]) AS v(contact_id, sender_id)
       JOIN contacts c ON c.id = v.contact_id
       JOIN organisations o ON o.id = c.organisation_id
       JOIN regions r ON r.id = c.region_id
       LEFT JOIN LATERAL (SELECT name, postal_address FROM organisations
                          WHERE region_id = c.region_id AND kind = 'wsp' LIMIT 1) w ON true
       LEFT JOIN users u ON u.id = v.sender_id`,
      [contacts.map((c) => c.contactId), contacts.map((c) => c.senderId)],
    );
    return new Map(rows.map((row) => [row.contact_id, row]));
  }

  /** Region, WSP and sender for a sample render; the region may be null (a national template). */
  async forRegion(regionId: string | null, senderId: string): Promise<RegionRenderRow> {
    const rows: RegionRenderRow[] = await managerFor(this.dataSource).query(
      `SELECT r.name AS region_name, w.name AS wsp_name, w.postal_address AS wsp_postal_address,
              u.name AS sender_name, u.email AS sender_email, u.phone AS sender_phone
       FROM (SELECT 1) one
       LEFT JOIN regions r ON r.id = $1
       LEFT JOIN organisations w ON w.region_id = r.id AND w.kind = 'wsp'
       LEFT JOIN users u ON u.id = $2
       LIMIT 1`,
      [regionId, senderId],
    );
    return rows[0];
  }

  async user(userId: string): Promise<MailUserRow | null> {
    const rows: MailUserRow[] = await managerFor(this.dataSource).query(
      `SELECT id, name, email, phone, role, region_ids::text[] AS region_ids, disabled_at IS NOT NULL AS disabled FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }
}
