import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { ReportRange } from './report.types';
import { IN_SCOPE } from './report-sql';

export interface GroupCount {
  dimension: 'route' | 'status' | 'section' | 'size';
  key: string;
  count: number;
}

export interface CertifiedCount {
  route: string;
  outcome: string;
  count: number;
}

/** Trajectory figures; trajectory dates are Amsterdam dates already (docs/metrics.md "Periods"). */
@Injectable()
export class TrajectoryReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Trajectories started in the range, counted per route, status, employer's SBI section and size class: from
   * `trajectory_starts` (migration 1764300043000), which keeps the employer's fields beside each trajectory's, so
   * the range is one index-only scan instead of an employer lookup per trajectory.
   */
  async started(regionIds: string[] | null, range: ReportRange): Promise<GroupCount[]> {
    return managerFor(this.dataSource).query(
      `SELECT CASE WHEN GROUPING(s.route) = 0 THEN 'route' WHEN GROUPING(s.status) = 0 THEN 'status'
                   WHEN GROUPING(s.sbi_version, s.sbi_section) = 0 THEN 'section' ELSE 'size' END AS dimension,
              coalesce(s.route, s.status, s.sbi_version || ':' || s.sbi_section, s.size_class, 'unknown') AS key,
              count(*)::int AS count
       FROM trajectory_starts s
       WHERE ${IN_SCOPE('s.region_id')} AND s.started_at BETWEEN $2::date AND $3::date
       GROUP BY GROUPING SETS ((s.route), (s.status), (s.sbi_version, s.sbi_section), (s.size_class))`,
      [regionIds, range.from, range.to],
    );
  }

  /** Trajectories with their praktijkverklaring dated in the range, per route and outcome (none yet: `unknown`). */
  async certified(regionIds: string[] | null, range: ReportRange): Promise<CertifiedCount[]> {
    return managerFor(this.dataSource).query(
      `SELECT route, coalesce(outcome, 'unknown') AS outcome, count(*)::int AS count
       FROM trajectories
       WHERE ${IN_SCOPE()} AND praktijkverklaring_at BETWEEN $2::date AND $3::date
       GROUP BY route, coalesce(outcome, 'unknown')`,
      [regionIds, range.from, range.to],
    );
  }

  /** Trajectories stopped in the range. */
  async stopped(regionIds: string[] | null, range: ReportRange): Promise<number> {
    const rows: { count: number }[] = await managerFor(this.dataSource).query(
      `SELECT count(*)::int AS count FROM trajectories
       WHERE ${IN_SCOPE()} AND status = 'stopped' AND stopped_at BETWEEN $2::date AND $3::date`,
      [regionIds, range.from, range.to],
    );
    return rows[0].count;
  }
}
