import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { PIPELINE_STAGES, ReportRange } from './report.types';
import { IN_SCOPE, reachedCountsInOneRegion, reachedTops } from './report-sql';
import { SORTED_STAY_PERCENTILES, STAY_PERCENTILES, wholeMonths } from './stay-percentiles';

export interface StageDuration {
  stage: string;
  median: number | null;
  p75: number | null;
}

/**
 * The funnel's figures (docs/metrics.md), each one aggregate query: over the facts kept
 * by triggers beside `stage_changes` (`employer_stage_lasts`, `stage_change_stays`, `stay_length_counts`) and
 * beside `network_links` (`employer_network_firsts`).
 */
@Injectable()
export class FunnelReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Distinct employers per stage with a row to that stage or a later one dated in the range: each
   * employer's highest stage entered in the range counts for every stage up to it (`reachedTops`). For one
   * region (the usual dashboard) the same counts without grouping by employer (`reachedCountsInOneRegion`).
   */
  async reached(regionIds: string[] | null, range: ReportRange): Promise<number[]> {
    const params = [regionIds, range.from, range.to];
    const sql =
      regionIds?.length === 1
        ? `SELECT ${PIPELINE_STAGES.map((_, i) => `r${i + 1}::int AS "${i}"`).join(', ')}
           FROM (${reachedCountsInOneRegion(PIPELINE_STAGES, IN_SCOPE(), 2, 3)}) c`
        : `SELECT ${PIPELINE_STAGES.map((_, i) => `count(*) FILTER (WHERE top >= ${i + 1})::int AS "${i}"`).join(', ')}
           FROM (${reachedTops(PIPELINE_STAGES, IN_SCOPE(), 2, 3)}) e`;
    const rows: Record<string, number>[] = await managerFor(this.dataSource).query(sql, params);
    return PIPELINE_STAGES.map((_, i) => rows[0][String(i)]);
  }

  /**
   * Median and p75 of the stays that began in the range, in days: from a row to the stage until the
   * employer's next row by `seq`, or until `now` for its current stage. Stays of zero length (rows
   * sharing one `at`) are left out. For named regions exact from the stays' length counts
   * (`STAY_PERCENTILES`, whose indexes lead with the region); over every region (no region to lead an index
   * range) per stage one sort of the days of the stays that began in the range (`stage_change_stays`, whose
   * `left_at` spares sorting every row by employer for `lead()`).
   */
  async durations(regionIds: string[] | null, range: ReportRange, now: Date): Promise<StageDuration[]> {
    const rows: { stage: string; q: [number, number] | null }[] = regionIds
      ? await managerFor(this.dataSource).query(STAY_PERCENTILES, [
          regionIds,
          range.from,
          range.to,
          now,
          ...wholeMonths(range),
        ])
      : await managerFor(this.dataSource).query(SORTED_STAY_PERCENTILES, [null, range.from, range.to, now]);
    return rows.map(({ stage, q }) => ({ stage, median: q?.[0] ?? null, p75: q?.[1] ?? null }));
  }

  /**
   * Employers whose first link to an SW-bedrijf (`network_links.since`, ended links too) lies in the range, from
   * `employer_network_firsts` (one row per linked employer with its region, kept by triggers; migration
   * 1764300044000): a region's range is one index-only scan, where grouping the links by employer read the
   * whole country's links for every region.
   */
  async newToNetwork(regionIds: string[] | null, range: ReportRange): Promise<number> {
    const rows: { count: number }[] = await managerFor(this.dataSource).query(
      `SELECT count(*)::int AS count FROM employer_network_firsts
       WHERE ${IN_SCOPE()} AND first_since BETWEEN $2::date AND $3::date`,
      [regionIds, range.from, range.to],
    );
    return rows[0].count;
  }
}
