import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, likePattern, managerFor, PageRequest } from '@app/core';
import { SegmentFilter } from './segment-filter.types';
import { SegmentRecord, SegmentSortField } from './segment.types';

const NAME_KEY = 'segments_region_name_key';

const SORT_COLUMNS: Record<SegmentSortField, string> = {
  name: 'lower(s.name)',
  createdAt: 's.created_at',
  updatedAt: 's.updated_at',
};

const SELECT = `SELECT s.id, s.region_id, s.name, s.filter, s.created_by, s.created_at, s.updated_at FROM segments s`;

interface SegmentRow {
  id: string;
  region_id: string;
  name: string;
  filter: SegmentFilter;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface SegmentListFilter {
  /** null: every region. */
  regionIds: string[] | null;
  q?: string;
}

/** Saved segments; every read by a person is limited to a region scope (null = all, for system work). */
@Injectable()
export class SegmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  private async select(sql: string, params: unknown[]): Promise<SegmentRecord[]> {
    const rows: SegmentRow[] = await managerFor(this.dataSource).query(sql, params);
    return rows.map(toRecord);
  }

  /** Null when the segment does not exist or lies outside the scope. `lock` holds the row until commit. */
  async findById(id: string, regionIds: string[] | null, lock = false): Promise<SegmentRecord | null> {
    const [segment] = await this.select(
      `${SELECT} WHERE s.id = $1 AND ($2::uuid[] IS NULL OR s.region_id = ANY($2::uuid[]))${lock ? ' FOR UPDATE' : ''}`,
      [id, regionIds],
    );
    return segment ?? null;
  }

  async insert(
    values: { regionId: string; name: string; filter: SegmentFilter; createdBy: string },
    now: Date,
  ): Promise<string> {
    const rows: { id: string }[] = await duplicateNameAsConflict(() =>
      managerFor(this.dataSource).query(
        `INSERT INTO segments (region_id, name, filter, created_by, created_at, updated_at)
         VALUES ($1, $2, $3::jsonb, $4, $5, $5) RETURNING id`,
        [values.regionId, values.name, JSON.stringify(values.filter), values.createdBy, now],
      ),
    );
    return rows[0].id;
  }

  async update(id: string, values: { name: string; filter: SegmentFilter }, now: Date): Promise<void> {
    await duplicateNameAsConflict(() =>
      managerFor(this.dataSource).query(
        `UPDATE segments SET name = $2, filter = $3::jsonb, updated_at = $4 WHERE id = $1`,
        [id, values.name, JSON.stringify(values.filter), now],
      ),
    );
  }

  /** Refused (409) while a campaign still refers to the segment, whatever that table's foreign key says. */
  async delete(id: string): Promise<void> {
    try {
      await managerFor(this.dataSource).query(`DELETE FROM segments WHERE id = $1`, [id]);
    } catch (error) {
      if (driverCode(error) === '23503') {
        throw DomainError.conflict('segment.in_use', 'A campaign uses this segment; delete or change it first');
      }
      throw error;
    }
  }

  /** Which of these region ids exist (a filter may name regions; an unknown one is a 404). */
  async existingRegionIds(ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await managerFor(this.dataSource).query(
      `SELECT id FROM regions WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  async list(
    filter: SegmentListFilter,
    request: PageRequest<SegmentSortField>,
  ): Promise<{ items: SegmentRecord[]; total: number }> {
    const params: unknown[] = [filter.regionIds];
    const conditions = ['($1::uuid[] IS NULL OR s.region_id = ANY($1::uuid[]))'];
    if (filter.q) conditions.push(`s.name ILIKE $${params.push(likePattern(filter.q))}`);
    const where = `WHERE ${conditions.join(' AND ')}`;
    const order = request.sort.map((s) => `${SORT_COLUMNS[s.field]} ${s.direction}`).join(', ');
    const items = await this.select(
      `${SELECT} ${where} ORDER BY ${order}, s.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, request.pageSize, (request.page - 1) * request.pageSize],
    );
    const [{ total }]: { total: number }[] = await managerFor(this.dataSource).query(
      `SELECT count(*)::int AS total FROM segments s ${where}`,
      params,
    );
    return { items, total };
  }
}

async function duplicateNameAsConflict<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const driver = (error as { driverError?: { constraint?: string } }).driverError ?? error;
    if (driverCode(error) === '23505' && (driver as { constraint?: string }).constraint === NAME_KEY) {
      throw DomainError.conflict(
        'segment.duplicate_name',
        'A segment with this name already exists in this region',
        'name',
      );
    }
    throw error;
  }
}

/** PostgreSQL's SQLSTATE, whether TypeORM wrapped the driver error or not. */
function driverCode(error: unknown): string | undefined {
  const candidate = error as { code?: string; driverError?: { code?: string } };
  return candidate?.driverError?.code ?? candidate?.code;
}

function toRecord(row: SegmentRow): SegmentRecord {
  return {
    id: row.id,
    regionId: row.region_id,
    name: row.name,
    filter: row.filter,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
