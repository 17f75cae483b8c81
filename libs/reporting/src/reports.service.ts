import { Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@app/core';
import type { Principal } from '@app/auth';
import { parsePeriod, PERIOD_PROBLEM, todayInAmsterdam } from '@app/crm';
import { CohortReportRepository } from './cohort-report.repository';
import { FunnelReportRepository } from './funnel-report.repository';
import { present, reportRange } from './report-range';
import { ReportScope } from './report-scope.service';
import {
  COHORT_GROUPINGS,
  COHORT_WINDOWS,
  CohortGrouping,
  CohortReport,
  CohortShares,
  FunnelReport,
  PIPELINE_STAGES,
  ReportQuery,
  TARGET_METRICS,
  TargetReport,
} from './report.types';
import { TargetReportRepository } from './target-report.repository';

/** Rounds a ratio or a duration for the answer (4 places for shares, 1 for days). */
export const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
export const ratio = (part: number, whole: number) => (whole === 0 ? null : round(part / whole, 4));

/** Funnel, cohorts and targets vs actuals (docs/metrics.md "Reports"); trajectories: TrajectoryReportService. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly scope: ReportScope,
    private readonly funnels: FunnelReportRepository,
    private readonly cohortRows: CohortReportRepository,
    private readonly targetRows: TargetReportRepository,
    private readonly clock: Clock,
  ) {}

  async funnel(principal: Principal, query: ReportQuery): Promise<FunnelReport> {
    const now = this.clock.now();
    const { range, reached, durations, newToNetwork } = await this.scope.run(
      principal,
      query.regionId,
      () => reportRange(query, this.clock),
      async (regionIds, range) => {
        const [reached, durations, newToNetwork] = await Promise.all([
          this.funnels.reached(regionIds, range),
          this.funnels.durations(regionIds, range, now),
          this.funnels.newToNetwork(regionIds, range),
        ]);
        return { range, reached, durations, newToNetwork };
      },
    );
    const stages = PIPELINE_STAGES.map((stage, i) => {
      const duration = durations.find((d) => d.stage === stage);
      return {
        stage,
        reached: reached[i],
        conversionFromPrevious: i === 0 ? null : ratio(reached[i], reached[i - 1]),
        medianDaysInStage: duration?.median == null ? null : round(duration.median, 1),
        p75DaysInStage: duration?.p75 == null ? null : round(duration.p75, 1),
      };
    });
    return { ...range, stages, newToNetwork };
  }

  async cohorts(principal: Principal, query: { regionId?: string; by?: string }): Promise<CohortReport> {
    const { by, rows } = await this.scope.run(
      principal,
      query.regionId,
      () => {
        const by = (present(query.by) ? query.by.trim() : 'quarter') as CohortGrouping;
        if (!COHORT_GROUPINGS.includes(by))
          throw DomainError.invalid('by', `must be one of ${COHORT_GROUPINGS.join(', ')}`);
        return by;
      },
      async (regionIds, by) => ({
        by,
        rows: await this.cohortRows.cohorts(regionIds, by, todayInAmsterdam(this.clock)),
      }),
    );
    const shares = (row: Record<string, unknown>, column: string) =>
      Object.fromEntries(COHORT_WINDOWS.map((n) => [n, row[`${column}_${n}`] as number | null])) as CohortShares;
    return {
      by,
      cohorts: rows.map((row) => ({
        period: row.period,
        size: row.size,
        ownTrajectoryWithin: shares(row, 'own'),
        structuralWithin: shares(row, 'structural'),
      })),
    };
  }

  async targets(principal: Principal, query: { regionId?: string; period?: string }): Promise<TargetReport> {
    const { regionId, period, range, targets, actuals } = await this.scope.runForOne(
      principal,
      query.regionId,
      () => {
        if (!present(query.period)) throw DomainError.invalid('period', 'is required');
        const period = parsePeriod(query.period);
        if (!period) throw DomainError.invalid('period', PERIOD_PROBLEM);
        return period;
      },
      async (regionId, period) => {
        const range = { from: period.from, to: period.to };
        const [targets, actuals] = await Promise.all([
          this.targetRows.targets(regionId, period.text),
          this.targetRows.actuals(regionId, range),
        ]);
        return { regionId, period, range, targets, actuals };
      },
    );
    const items = TARGET_METRICS.map((metric) => {
      const target = targets[metric] ?? null;
      return { metric, target, actual: actuals[metric], share: target ? ratio(actuals[metric], target) : null };
    });
    return { regionId, period: period.text, ...range, items };
  }
}
