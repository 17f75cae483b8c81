import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import type { Principal } from '@app/auth';
import { reportRange } from './report-range';
import { ReportScope } from './report-scope.service';
import { ratio } from './reports.service';
import {
  OUTCOMES,
  ReportQuery,
  SIZE_CLASSES,
  TRAJECTORY_ROUTES,
  TRAJECTORY_STATUSES,
  TrajectoryReport,
} from './report.types';
import { GroupCount, TrajectoryReportRepository } from './trajectory-report.repository';

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));

/** Trajectories started, certified and stopped in a range, and what came after certification. */
@Injectable()
export class TrajectoryReportService {
  constructor(
    private readonly scope: ReportScope,
    private readonly rows: TrajectoryReportRepository,
    private readonly clock: Clock,
  ) {}

  async report(principal: Principal, query: ReportQuery): Promise<TrajectoryReport> {
    const { range, started, certified, stopped } = await this.scope.run(
      principal,
      query.regionId,
      () => reportRange(query, this.clock),
      async (regionIds, range) => {
        const [started, certified, stopped] = await Promise.all([
          this.rows.started(regionIds, range),
          this.rows.certified(regionIds, range),
          this.rows.stopped(regionIds, range),
        ]);
        return { range, started, certified, stopped };
      },
    );
    const group = (dimension: GroupCount['dimension'], keys: readonly string[] = []) => {
      const counts: Record<string, number> = zeros(keys);
      for (const row of started.filter((r) => r.dimension === dimension)) counts[row.key] = row.count;
      return counts;
    };
    const byRoute = group('route', TRAJECTORY_ROUTES);
    const total = Object.values(byRoute).reduce((sum, n) => sum + n, 0);
    const viaSw = byRoute.sw_internal + byRoute.sw_secondment;
    const certifiedByRoute: Record<string, number> = zeros(TRAJECTORY_ROUTES);
    const outcomes = zeros(OUTCOMES) as Record<(typeof OUTCOMES)[number], number>;
    for (const row of certified) {
      certifiedByRoute[row.route] += row.count;
      outcomes[row.outcome as (typeof OUTCOMES)[number]] += row.count;
    }
    const certifiedTotal = certified.reduce((sum, row) => sum + row.count, 0);
    return {
      ...range,
      started: {
        total,
        byRoute,
        byStatus: group('status', TRAJECTORY_STATUSES),
        bySbiSection: group('section'),
        bySizeClass: group('size', SIZE_CLASSES),
      },
      viaSwCompany: { count: viaSw, share: ratio(viaSw, total) },
      direct: { count: byRoute.direct, share: ratio(byRoute.direct, total) },
      certified: { total: certifiedTotal, byRoute: certifiedByRoute },
      stopped: { total: stopped },
      outcomes: {
        total: certifiedTotal,
        counts: outcomes,
        shares: Object.fromEntries(OUTCOMES.map((o) => [o, ratio(outcomes[o], certifiedTotal)])) as Record<
          (typeof OUTCOMES)[number],
          number | null
        >,
      },
    };
  }
}
