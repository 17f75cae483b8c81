import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { PIPELINE_STAGES, ReportRange } from './report.types';
import { DAY_AFTER, DAY_START, IN_SCOPE, pipelineArray, reachedTops } from './report-sql';

const PIPELINE = pipelineArray(PIPELINE_STAGES);

export interface StageDuration {
  stage: string;
  median: number | null;
  p75: number | null;
}

/**
 * The funnel's figures (docs/metrics.md), each one aggregate query: over the facts kept beside `stage_changes`
 * by triggers (`employer_stage_lasts`, `stage_change_stays`) and over `network_links`.
 */
@Injectable()
export class FunnelReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Distinct employers per stage with a row to that stage or a later one dated in the range: each
   * employer's highest stage entered in the range counts for every stage up to it (`reachedTops`).
   */
  async reached(regionIds: string[] | null, range: ReportRange): Promise<number[]> {
    const counts = PIPELINE_STAGES.map((_, i) => `count(*) FILTER (WHERE top >= ${i + 1})::int AS "${i}"`);
    const rows: Record<string, number>[] = await managerFor(this.dataSource).query(
      `SELECT ${counts.join(', ')} FROM (${reachedTops(PIPELINE_STAGES, IN_SCOPE(), 2, 3)}) e`,
      [regionIds, range.from, range.to],
    );
    return PIPELINE_STAGES.map((_, i) => rows[0][String(i)]);
  }

  /**
   * Median and p75 of the stays that began in the range, in days: from a row to the stage until the
   * employer's next row by `seq`, or until `now` for its current stage. Stays of zero length (rows
   * sharing one `at`) are left out. Each stay's end is `stage_change_stays.left_at`, kept by triggers
   * (migration 1764300030000), so no row is sorted by employer for `lead()`: per stage one index range of
   * the stays that began in the range, and one sort of their days for both percentiles.
   */
  async durations(regionIds: string[] | null, range: ReportRange, now: Date): Promise<StageDuration[]> {
    const rows: { stage: string; q: [number, number] | null }[] = await managerFor(this.dataSource).query(
      `SELECT s.stage, p.q
       FROM unnest(${PIPELINE}) WITH ORDINALITY AS s(stage, n)
       CROSS JOIN LATERAL (
         SELECT percentile_cont(ARRAY[0.5, 0.75]) WITHIN GROUP (ORDER BY days) AS q
         FROM (SELECT date_part('epoch', coalesce(left_at, $4) - at) / 86400 AS days
               FROM stage_change_stays
               WHERE ${IN_SCOPE()} AND to_stage = s.stage AND at >= ${DAY_START(2)} AND at < ${DAY_AFTER(3)}) d
         WHERE days > 0) p
       ORDER BY s.n`,
      [regionIds, range.from, range.to, now],
    );
    return rows.map(({ stage, q }) => ({ stage, median: q?.[0] ?? null, p75: q?.[1] ?? null }));
  }

  /** Employers whose first link to an SW-bedrijf (`network_links.since`, ended links too) lies in the range. */
  async newToNetwork(regionIds: string[] | null, range: ReportRange): Promise<number> {
    const rows: { count: number }[] = await managerFor(this.dataSource).query(
      `SELECT count(*)::int AS count
       FROM (SELECT l.employer_id, min(l.since) AS first
             FROM network_links l
             JOIN organisations e ON e.id = l.employer_id
             JOIN organisations sw ON sw.id = l.organisation_id AND sw.kind = 'sw_company'
             WHERE ${IN_SCOPE('e.region_id')}
             GROUP BY l.employer_id) f
       WHERE first BETWEEN $2::date AND $3::date`,
      [regionIds, range.from, range.to],
    );
    return rows[0].count;
  }
}
