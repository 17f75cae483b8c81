import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { Role } from '@app/auth';

/** A user who could be a campaign's sender: someone with access to the campaign's region. */
export interface SenderCandidate {
  id: string;
  role: Role;
  disabled: boolean;
}

/** What a campaign refers to (segments, templates, users), each looked up within the campaign's region. */
@Injectable()
export class CampaignReferencesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async segmentInRegion(segmentId: string, regionId: string): Promise<boolean> {
    const rows: unknown[] = await managerFor(this.dataSource).query(
      `SELECT 1 FROM segments WHERE id = $1 AND region_id = $2`,
      [segmentId, regionId],
    );
    return rows.length > 0;
  }

  /** The ids among `ids` of templates a campaign of the region may send: national ones and the region's own. */
  async readableTemplateIds(ids: string[], regionId: string): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await managerFor(this.dataSource).query(
      `SELECT id FROM templates WHERE id = ANY($1::uuid[]) AND (region_id IS NULL OR region_id = $2)`,
      [ids, regionId],
    );
    return rows.map((row) => row.id);
  }

  /** The user when they may see the region (admins see every region); null otherwise. */
  async senderInRegion(userId: string, regionId: string): Promise<SenderCandidate | null> {
    const rows: { id: string; role: Role; disabled: boolean }[] = await managerFor(this.dataSource).query(
      `SELECT id, role, disabled_at IS NOT NULL AS disabled FROM users
       WHERE id = $1 AND (role = 'admin' OR $2 = ANY(region_ids))`,
      [userId, regionId],
    );
    return rows[0] ?? null;
  }
}
