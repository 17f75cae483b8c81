import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { EmployerStage, SbiVersion, SizeClass } from '@app/crm';
import { CompiledFilter } from './segment-filter.types';
import { SegmentEmployerSummary } from './segment.types';

interface SummaryRow {
  id: string;
  name: string;
  city: string | null;
  stage: EmployerStage;
  sbi_version: SbiVersion | null;
  sbi_section: string | null;
  size_class: SizeClass | null;
  tags: string[];
}

/**
 * Runs a compiled segment filter over the employers of ONE region: the segment's own region always
 * applies, so conditions can only narrow it. The filter's placeholders come first ($1…$n).
 */
@Injectable()
export class SegmentEmployerRepository {
  constructor(private readonly dataSource: DataSource) {}

  async count(regionId: string, filter: CompiledFilter): Promise<number> {
    const { where, params } = scoped(regionId, filter);
    const [{ total }]: { total: number }[] = await managerFor(this.dataSource).query(
      `SELECT count(*)::int AS total FROM organisations o WHERE ${where}`,
      params,
    );
    return total;
  }

  async sample(regionId: string, filter: CompiledFilter, limit: number): Promise<SegmentEmployerSummary[]> {
    const { where, params } = scoped(regionId, filter);
    const rows: SummaryRow[] = await managerFor(this.dataSource).query(
      `SELECT o.id, o.name, o.city, o.stage, o.sbi_version, o.sbi_section, o.size_class, o.tags
       FROM organisations o WHERE ${where} ORDER BY o.name, o.id LIMIT $${params.length + 1}`,
      [...params, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      city: row.city,
      stage: row.stage,
      sbiVersion: row.sbi_version,
      sbiSection: row.sbi_section,
      sizeClass: row.size_class,
      tags: row.tags,
    }));
  }

  /** The next `limit` matching ids after `afterId` in id order (keyset paging: no OFFSET, stable under inserts). */
  async idsAfter(regionId: string, filter: CompiledFilter, afterId: string | null, limit: number): Promise<string[]> {
    const { where, params } = scoped(regionId, filter);
    const rows: { id: string }[] = await managerFor(this.dataSource).query(
      `SELECT o.id FROM organisations o
       WHERE ${where} AND ($${params.length + 1}::uuid IS NULL OR o.id > $${params.length + 1}::uuid)
       ORDER BY o.id LIMIT $${params.length + 2}`,
      [...params, afterId, limit],
    );
    return rows.map((row) => row.id);
  }
}

function scoped(regionId: string, filter: CompiledFilter): { where: string; params: unknown[] } {
  const params = [...filter.params, regionId];
  return { where: `o.kind = 'employer' AND o.region_id = $${params.length}::uuid AND ${filter.sql}`, params };
}
