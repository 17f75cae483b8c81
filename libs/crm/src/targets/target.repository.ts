import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor, PageRequest } from '@app/core';
import { TARGET_METRICS, TargetMetric, TargetResponse, TargetSortField, TargetValues } from './target.types';

const SORT_COLUMNS: Record<TargetSortField, string> = {
  period: 'period',
  // The order of api.md, not alphabetical.
  metric: `array_position(ARRAY['${TARGET_METRICS.join("','")}'], metric)`,
  value: 'value',
  updatedAt: 'updated_at',
};

const COLUMNS = `id, region_id, period, metric, value, created_by, created_at, updated_at`;

interface TargetRow {
  id: string;
  region_id: string;
  period: string;
  metric: string;
  value: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface SavedTarget {
  target: TargetResponse;
  /** True when the row is new; false when it replaced the value for the same region, period and metric. */
  inserted: boolean;
  /** The value before a replacement (null when inserted). */
  previous: number | null;
}

@Injectable()
export class TargetRepository {
  constructor(private readonly dataSource: DataSource) {}

  async regionExists(regionId: string): Promise<boolean> {
    const rows: unknown[] = await managerFor(this.dataSource).query(`SELECT 1 FROM regions WHERE id = $1`, [regionId]);
    return rows.length > 0;
  }

  /**
   * Inserts, or replaces the value of the target with the same region, period and metric, in one
   * statement so two coordinators saving at once cannot both insert. `xmax = 0` only for a fresh row.
   */
  async upsert(values: TargetValues, by: string): Promise<SavedTarget> {
    const rows: (TargetRow & { inserted: boolean; previous: number | null })[] = await managerFor(
      this.dataSource,
    ).query(
      `WITH old AS (SELECT value FROM targets WHERE region_id = $1 AND period = $2 AND metric = $3)
       INSERT INTO targets (region_id, period, metric, value, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (region_id, period, metric) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
       RETURNING ${COLUMNS}, (xmax = 0) AS inserted, (SELECT value FROM old) AS previous`,
      [values.regionId, values.period, values.metric, values.value, by],
    );
    const [row] = rows;
    return { target: toResponse(row), inserted: row.inserted, previous: row.inserted ? null : row.previous };
  }

  /** Null when the target does not exist or lies outside the scope. */
  async findById(id: string, regionIds: string[] | null): Promise<TargetResponse | null> {
    const rows: TargetRow[] = await managerFor(this.dataSource).query(
      `SELECT ${COLUMNS} FROM targets WHERE id = $1 AND ($2::uuid[] IS NULL OR region_id = ANY($2::uuid[]))`,
      [id, regionIds],
    );
    return rows.length === 0 ? null : toResponse(rows[0]);
  }

  async delete(id: string): Promise<void> {
    await managerFor(this.dataSource).query(`DELETE FROM targets WHERE id = $1`, [id]);
  }

  async list(
    filter: { regionIds: string[] | null; period?: string },
    request: PageRequest<TargetSortField>,
  ): Promise<{ items: TargetResponse[]; total: number }> {
    const where = `($1::uuid[] IS NULL OR region_id = ANY($1::uuid[])) AND ($2::text IS NULL OR period = $2)`;
    const params = [filter.regionIds, filter.period ?? null];
    const order = request.sort.map((s) => `${SORT_COLUMNS[s.field]} ${s.direction}`).join(', ');
    const manager = managerFor(this.dataSource);
    const rows: TargetRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM targets WHERE ${where} ORDER BY ${order}, region_id, id LIMIT $3 OFFSET $4`,
      [...params, request.pageSize, (request.page - 1) * request.pageSize],
    );
    const [{ total }]: { total: number }[] = await manager.query(
      `SELECT count(*)::int AS total FROM targets WHERE ${where}`,
      params,
    );
    return { items: rows.map(toResponse), total };
  }
}

function toResponse(row: TargetRow): TargetResponse {
  return {
    id: row.id,
    regionId: row.region_id,
    period: row.period,
    metric: row.metric as TargetMetric,
    value: row.value,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
