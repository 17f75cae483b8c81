import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { likePattern, managerFor, PageRequest } from '@app/core';
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
  constructor(private readonly dataSource: DataSource) {}

  /** Null when the same address is already suppressed for that region (or everywhere, for a global one). */
  async insert(values: NewSuppression): Promise<SuppressionResponse | null> {
    const rows: SuppressionRow[] = await managerFor(this.dataSource).query(
      `INSERT INTO suppressions (email, region_id, reason, source, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING *`,
      [values.email, values.regionId, values.reason, values.source, values.createdBy, values.at],
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

  /** Whether the address is suppressed everywhere or in the region. */
  async isSuppressed(email: string, regionId: string): Promise<boolean> {
    const rows: unknown[] = await managerFor(this.dataSource).query(
      `SELECT 1 FROM suppressions WHERE email = lower($1) AND (region_id IS NULL OR region_id = $2) LIMIT 1`,
      [email, regionId],
    );
    return rows.length > 0;
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
