import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { managerFor } from '@app/core';
import { EmployerStage, SbiVersion, SizeClass } from '@app/crm';
import { CompiledSegment } from './compiled-segment-cache';
import { CompiledFilter } from './segment-filter.types';
import { SegmentEmployerSummary, SegmentPreview } from './segment.types';

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

  /**
   * The number of matching employers and the first `limit` in (name, id) order. The count and the page are two
   * statements on two pool connections at once, so a preview waits for the slower of the two, not for both
   * (docs/benchmarks.md, c); they may see the data a moment apart, which a preview can bear. Inside a transaction
   * they run one after the other on its one connection.
   */
  async preview(regionId: string, filter: CompiledFilter, limit: number): Promise<SegmentPreview> {
    const { total, sample } = await this.countAndPage(regionId, filter, limit, null);
    return { total, sample };
  }

  /**
   * As `preview`, for a saved segment's filter compiled earlier: null when the segment's stored filter is no
   * longer `filterJson` or its region not `regionId` (changed or deleted since). The count statement checks it, so
   * the check costs no round trip.
   */
  async previewIfCurrent(saved: CompiledSegment, limit: number): Promise<SegmentPreview | null> {
    const { total, sample, current } = await this.countAndPage(saved.regionId, saved.compiled, limit, saved);
    return current ? { total, sample } : null;
  }

  private async countAndPage(
    regionId: string,
    filter: CompiledFilter,
    limit: number,
    saved: CompiledSegment | null,
  ): Promise<SegmentPreview & { current: boolean }> {
    const manager = managerFor(this.dataSource);
    const count = () => this.count(manager, regionId, filter, saved);
    const page = () => this.page(manager, regionId, filter, limit);
    const [{ total, current }, rows] =
      manager === this.dataSource.manager ? await Promise.all([count(), page()]) : [await count(), await page()];
    return { total, sample: rows.map(toSummary), current };
  }

  private async count(
    manager: EntityManager,
    regionId: string,
    filter: CompiledFilter,
    saved: CompiledSegment | null,
  ): Promise<{ total: number; current: boolean }> {
    let sql: string;
    let params: unknown[];
    if (filter.onlyTags) {
      params = [regionId];
      const bind = binder(params);
      const current = currentColumn(saved, bind);
      sql = countTagged('$1::uuid', filter.onlyTags, bind, current);
    } else {
      const scope = scoped(regionId, filter);
      params = scope.params;
      const current = currentColumn(saved, binder(params));
      sql = `SELECT count(*)::int AS total${current} FROM organisations o WHERE ${scope.where}`;
    }
    const [row]: { total: number; current?: boolean | null }[] = await manager.query(sql, params);
    return { total: row.total, current: saved === null || row.current === true };
  }

  private page(manager: EntityManager, regionId: string, filter: CompiledFilter, limit: number): Promise<SummaryRow[]> {
    const { where, params } = scoped(regionId, filter);
    return manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM organisations o WHERE ${where} ORDER BY o.name, o.id LIMIT $${params.length + 1}`,
      [...params, limit],
    );
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

/** Binds a value as the next of `params` and returns its placeholder; `params` must be the statement's own copy. */
function binder(params: unknown[]): (value: unknown) => string {
  return (value) => `$${params.push(value)}`;
}

function scoped(regionId: string, filter: CompiledFilter): { where: string; params: unknown[] } {
  const params = [...filter.params, regionId];
  return { where: `o.kind = 'employer' AND o.region_id = $${params.length}::uuid AND ${filter.sql}`, params };
}

const SUMMARY_COLUMNS = `o.id, o.name, o.city, o.stage, o.sbi_version, o.sbi_section, o.size_class, o.tags`;

function toSummary(row: SummaryRow): SegmentEmployerSummary {
  return {
    id: row.id,
    name: row.name,
    city: row.city,
    stage: row.stage,
    sbiVersion: row.sbi_version,
    sbiSection: row.sbi_section,
    sizeClass: row.size_class,
    tags: row.tags,
  };
}

/**
 * The count of employers of the region with any of these tags (case-insensitive), from `employer_tags` alone: an
 * index-only scan of its (region, tag) index, where the same count over `organisations` reads every matching
 * employer's row (docs/benchmarks.md, c). Triggers keep the table equal to the employers' tags (migration
 * 1764300020000); an employer holds each tag once there, so one tag needs no DISTINCT. `current`: `currentColumn`'s.
 */
function countTagged(region: string, tags: string[], bind: (value: unknown) => string, current: string): string {
  return tags.length === 1
    ? `SELECT count(*)::int AS total${current} FROM employer_tags
       WHERE region_id = ${region} AND tag = lower(${bind(tags[0])}::text)`
    : `SELECT count(DISTINCT employer_id)::int AS total${current} FROM employer_tags
       WHERE region_id = ${region} AND tag = ANY(lower_tags(${bind(tags)}::text[]))`;
}

/**
 * A column of the count statement saying whether the saved segment still holds this filter (jsonb equality, so
 * key order does not matter) in this region; NULL when the segment is gone. Empty without a saved segment.
 */
function currentColumn(saved: CompiledSegment | null, bind: (value: unknown) => string): string {
  if (!saved) return '';
  const filter = `${bind(saved.filterJson)}::jsonb`;
  const region = `${bind(saved.regionId)}::uuid`;
  const segment = `${bind(saved.segmentId)}::uuid`;
  return `, (SELECT s.filter = ${filter} AND s.region_id = ${region} FROM segments s WHERE s.id = ${segment}) AS current`;
}
