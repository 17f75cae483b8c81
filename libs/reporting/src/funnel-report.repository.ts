import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { PIPELINE_STAGES, ReportRange } from './report.types';
import { DAY_AFTER, DAY_START, IN_SCOPE, pipelineArray } from './report-sql';

const PIPELINE = pipelineArray(PIPELINE_STAGES);

export interface StageDuration {
  stage: string;
  median: number | null;
  p75: number | null;
}

/** The funnel's figures, each one aggregate query over `stage_changes` (docs/metrics.md). */
@Injectable()
export class FunnelReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Distinct employers per stage with a row to that stage or a later one dated in the range: each
   * employer's highest stage entered in the range counts for every stage up to it.
   */
  async reached(regionIds: string[] | null, range: ReportRange): Promise<number[]> {
    const counts = PIPELINE_STAGES.map((_, i) => `count(*) FILTER (WHERE top >= ${i + 1})::int AS "${i}"`);
    const rows: Record<string, number>[] = await managerFor(this.dataSource).query(
      `SELECT ${counts.join(', ')}
       FROM (SELECT employer_id, max(array_position(${PIPELINE}, to_stage)) AS top
             FROM stage_changes
             WHERE ${IN_SCOPE()} AND at >= ${DAY_START(2)} AND at < ${DAY_AFTER(3)} AND to_stage = ANY(${PIPELINE})
             GROUP BY employer_id) e`,
      [regionIds, range.from, range.to],
    );
    return PIPELINE_STAGES.map((_, i) => rows[0][String(i)]);
  }

  /**
   * Median and p75 of the stays that began in the range, in days: from a row to the stage until the
   * employer's next row by `seq`, or until `now` for its current stage. Stays of zero length (rows
   * sharing one `at`) are left out. Rows before the range are never anyone's next row (`at` is
   * monotonic along `seq`), so only rows from the range's start on are read.
   */
  async durations(regionIds: string[] | null, range: ReportRange, now: Date): Promise<StageDuration[]> {
    // One filtered aggregate per stage instead of GROUP BY: no sort of every stay by stage first.
    const percentiles = PIPELINE_STAGES.map(
      (stage, i) =>
        `percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FILTER (WHERE to_stage = '${stage}') AS "m${i}",
         percentile_cont(0.75) WITHIN GROUP (ORDER BY days) FILTER (WHERE to_stage = '${stage}') AS "p${i}"`,
    );
    const rows: Record<string, number | null>[] = await managerFor(this.dataSource).query(
      `SELECT ${percentiles.join(', ')}
       FROM (SELECT to_stage, at,
                    date_part('epoch', coalesce(lead(at) OVER (PARTITION BY employer_id ORDER BY seq), $4) - at) / 86400
                      AS days
             FROM stage_changes
             WHERE ${IN_SCOPE()} AND at >= ${DAY_START(2)}) s
       WHERE at < ${DAY_AFTER(3)} AND days > 0`,
      [regionIds, range.from, range.to, now],
    );
    return PIPELINE_STAGES.map((stage, i) => ({ stage, median: rows[0][`m${i}`], p75: rows[0][`p${i}`] }));
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
