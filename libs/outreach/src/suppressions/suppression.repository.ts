import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, likePattern, managerFor, PageRequest, queryPrepared } from '@app/core';
import type { AppConfig } from '@app/core';
import { ERASED } from '../privacy/data-subject.types';
import { erasedAddressToken } from '../privacy/erased-address';
import { NewSuppression, SuppressionResponse, SuppressionSortField, SuppressionSource } from './suppression.types';

interface SuppressionRow {
  id: string;
  email: string;
  region_id: string | null;
  reason: string;
  source: SuppressionSource;
  created_by: string | null;
  created_at: Date;
}

const SORT_COLUMNS: Record<SuppressionSortField, string> = { createdAt: 'created_at', email: 'email' };

/** Suppressed addresses; region-scoped reads always include the global ones (`region_id` NULL). */
@Injectable()
export class SuppressionRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Null when the same address is already suppressed for that region (or everywhere, for a global one).
   * The address of an erased person (its keyed hash is listed) is stored as that hash, and any address in
   * the reason (a bounce's diagnostic) is dropped: a late bounce must not bring the address back.
   */
  async insert(values: NewSuppression): Promise<SuppressionResponse | null> {
    const rows: SuppressionRow[] = await managerFor(this.dataSource).query(
      `WITH erased AS (SELECT EXISTS (SELECT 1 FROM suppressions WHERE email = $7::text) AS yes)
       INSERT INTO suppressions (email, region_id, reason, source, created_by, created_at)
       SELECT CASE WHEN erased.yes THEN $7::text ELSE $1::text END, $2::uuid,
              CASE WHEN erased.yes THEN regexp_replace($3::text, '[^[:space:]<>@]+@[^[:space:]<>@]+', '${ERASED}', 'g')
                   ELSE $3::text END,
              $4::text, $5::uuid, $6::timestamptz
       FROM erased ON CONFLICT DO NOTHING RETURNING *`,
      [
        values.email,
        values.regionId,
        values.reason,
        values.source,
        values.createdBy,
        values.at,
        erasedAddressToken(this.config.appSecret, values.email),
      ],
    );
    return rows.length === 0 ? null : toResponse(rows[0]);
  }

  /** A regional one inside `regionIds` (null = all) or a global one; `lock` holds it until commit. */
  async findById(id: string, regionIds: string[] | null, lock = false): Promise<SuppressionResponse | null> {
    const rows: SuppressionRow[] = await managerFor(this.dataSource).query(
      `SELECT * FROM suppressions
       WHERE id = $1 AND (region_id IS NULL OR $2::uuid[] IS NULL OR region_id = ANY($2::uuid[]))
       ${lock ? 'FOR UPDATE' : ''}`,
      [id, regionIds],
    );
    return rows.length === 0 ? null : toResponse(rows[0]);
  }

  async delete(id: string): Promise<void> {
    await managerFor(this.dataSource).query(`DELETE FROM suppressions WHERE id = $1`, [id]);
  }

  /**
   * For each address, whether it is suppressed everywhere or in its region, also as an erased person's
   * keyed hash; one query for a whole batch of messages, aligned with `checks`.
   */
  async suppressedAmong(checks: { email: string; regionId: string }[]): Promise<boolean[]> {
    if (checks.length === 0) return [];
    const rows = await queryPrepared<{ n: string }>(
      managerFor(this.dataSource),
      `SELECT DISTINCT v.n FROM unnest($1::text[], $2::text[], $3::uuid[]) WITH ORDINALITY AS v(email, token, region_id, n)
       JOIN suppressions s ON s.email IN (lower(v.email), v.token) AND (s.region_id IS NULL OR s.region_id = v.region_id)`,
      [
        checks.map((check) => check.email),
        checks.map((check) => erasedAddressToken(this.config.appSecret, check.email)),
        checks.map((check) => check.regionId),
      ],
    );
    const hits = new Set(rows.map((row) => Number(row.n) - 1));
    return checks.map((_, index) => hits.has(index));
  }

  async list(
    filter: { regionIds: string[] | null; q?: string },
    request: PageRequest<SuppressionSortField>,
  ): Promise<{ items: SuppressionResponse[]; total: number }> {
    const params: unknown[] = [filter.regionIds];
    const conditions = ['(region_id IS NULL OR $1::uuid[] IS NULL OR region_id = ANY($1::uuid[]))'];
    if (filter.q) conditions.push(`email LIKE $${params.push(likePattern(filter.q.toLowerCase()))}`);
    const where = `WHERE ${conditions.join(' AND ')}`;
    const order = request.sort.map((s) => `${SORT_COLUMNS[s.field]} ${s.direction}`).join(', ');
    const manager = managerFor(this.dataSource);
    const rows: SuppressionRow[] = await manager.query(
      `SELECT * FROM suppressions ${where} ORDER BY ${order}, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, request.pageSize, (request.page - 1) * request.pageSize],
    );
    const [{ total }]: { total: number }[] = await manager.query(
      `SELECT count(*)::int AS total FROM suppressions ${where}`,
      params,
    );
    return { items: rows.map(toResponse), total };
  }
}

function toResponse(row: SuppressionRow): SuppressionResponse {
  return {
    id: row.id,
    email: row.email,
    regionId: row.region_id,
    reason: row.reason,
    source: row.source,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}
