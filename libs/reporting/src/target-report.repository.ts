import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { PIPELINE_STAGES, ReportRange, TargetMetric } from './report.types';
import { reachedCountsInOneRegion } from './report-sql';

const rank = (stage: string) => PIPELINE_STAGES.indexOf(stage as (typeof PIPELINE_STAGES)[number]) + 1;

/** A region's targets for one period and the actuals beside them, in one statement. */
@Injectable()
export class TargetReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async targets(regionId: string, period: string): Promise<Partial<Record<TargetMetric, number>>> {
    const rows: { metric: TargetMetric; value: number }[] = await managerFor(this.dataSource).query(
      `SELECT metric, value FROM targets WHERE region_id = $1 AND period = $2`,
      [regionId, period],
    );
    return Object.fromEntries(rows.map((r) => [r.metric, r.value]));
  }

  /** Employers that reached a stage or a later one in the range (docs/metrics.md), trajectories and certificates. */
  async actuals(regionId: string, range: ReportRange): Promise<Record<TargetMetric, number>> {
    const rows: Record<TargetMetric, number>[] = await managerFor(this.dataSource).query(
      `SELECT r${rank('contacted')}::int AS employers_contacted,
              r${rank('sw_pilot')}::int AS employers_sw_pilot,
              r${rank('own_trajectory')}::int AS employers_own_trajectory,
              r${rank('structural')}::int AS employers_structural,
              (SELECT count(*)::int FROM trajectories
               WHERE region_id = $1 AND started_at BETWEEN $2::date AND $3::date) AS trajectories_started,
              (SELECT count(*)::int FROM trajectories
               WHERE region_id = $1 AND praktijkverklaring_at BETWEEN $2::date AND $3::date) AS certificates
       FROM (${reachedCountsInOneRegion(PIPELINE_STAGES, 'region_id = $1', 2, 3)}) e`,
      [regionId, range.from, range.to],
    );
    return rows[0];
  }
}
