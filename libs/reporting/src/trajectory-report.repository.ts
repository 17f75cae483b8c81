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

  /** Trajectories started in the range, counted per route, status, employer's SBI section and size class. */
  async started(regionIds: string[] | null, range: ReportRange): Promise<GroupCount[]> {
    return managerFor(this.dataSource).query(
      `SELECT CASE WHEN GROUPING(t.route) = 0 THEN 'route' WHEN GROUPING(t.status) = 0 THEN 'status'
                   WHEN GROUPING(e.sbi_version, e.sbi_section) = 0 THEN 'section' ELSE 'size' END AS dimension,
              coalesce(t.route, t.status, e.sbi_version || ':' || e.sbi_section, e.size_class, 'unknown') AS key,
              count(*)::int AS count
       FROM trajectories t
       -- One index lookup per trajectory in the range (OFFSET 0 keeps the planner from flattening it into a hash
       -- join): a region's trajectories of a year are far fewer than the employers of every region.
       CROSS JOIN LATERAL (SELECT o.sbi_version, o.sbi_section, o.size_class FROM organisations o
                           WHERE o.id = t.employer_id OFFSET 0) e
       WHERE ${IN_SCOPE('t.region_id')} AND t.started_at BETWEEN $2::date AND $3::date
       GROUP BY GROUPING SETS ((t.route), (t.status), (e.sbi_version, e.sbi_section), (e.size_class))`,
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
