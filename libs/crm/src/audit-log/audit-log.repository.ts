import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditQuery, AuditRecord } from '@app/core';

/**
 * Reads `audit_log` for the audit endpoint. One change can be filed under several regions (a user's
 * change goes under each region of the user, so every coordinator concerned can read it); such
 * copies differ only in `region_id` and id, and a reader who sees more than one of them is shown
 * the first (lowest id) only. A reader of one region never sees two copies, so their view is as filed.
 */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: AuditQuery): Promise<{ items: AuditRecord[]; total: number }> {
    const params: unknown[] = [query.regionIds];
    const conditions = [`($1::uuid[] IS NULL OR a.region_id = ANY($1::uuid[]))`, `NOT EXISTS (${EARLIER_COPY})`];
    if (query.entity) conditions.push(`a.entity = $${params.push(query.entity)}`);
    if (query.entityId) conditions.push(`a.entity_id = $${params.push(query.entityId)}`);
    const where = `WHERE ${conditions.join(' AND ')}`;
    const [items, counted] = await Promise.all([
      this.dataSource.query(
        `SELECT a.at, a.by_user_id AS "by", a.action, a.entity, a.entity_id AS "entityId", a.before, a.after
         FROM audit_log a ${where}
         ORDER BY a.at DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      ) as Promise<AuditRecord[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log a ${where}`, params) as Promise<
        { total: number }[]
      >,
    ]);
    return { items, total: counted[0].total };
  }
}

// A copy of the same change with a lower id that the reader may also see (the `audit_log_entity` index finds it).
const EARLIER_COPY = `
  SELECT 1 FROM audit_log d
  WHERE d.entity = a.entity AND d.entity_id = a.entity_id AND d.at = a.at AND d.id < a.id
    AND d.action = a.action AND d.by_user_id IS NOT DISTINCT FROM a.by_user_id
    AND d.before IS NOT DISTINCT FROM a.before AND d.after IS NOT DISTINCT FROM a.after
    AND ($1::uuid[] IS NULL OR d.region_id = ANY($1::uuid[]))`;
