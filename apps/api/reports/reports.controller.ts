import { Controller, Get, Param, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import {
  campaignCsv,
  CampaignReportService,
  cohortCsv,
  funnelCsv,
  ReportsService,
  targetCsv,
  trajectoryCsv,
  TrajectoryReportService,
} from '@app/reporting';
import type { CampaignReport, CohortReport, FunnelReport, TargetReport, TrajectoryReport } from '@app/reporting';
import { CohortQueryDto, ReportRangeQueryDto, TargetReportQueryDto } from './report-query.dto';
import { respond } from './report-response';

/** Coordinator reports (api.md "Reporting"); each answers CSV too (`Accept: text/csv` or `.csv`). */
@ApiTags('reports')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv')
@Requires(Permission.ReadOutreach)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly trajectoryReports: TrajectoryReportService,
    private readonly campaignReports: CampaignReportService,
  ) {}

  @Get(['funnel', 'funnel.csv'])
  @ApiOkResponse({
    description:
      '`{ from, to, stages: [{ stage, reached, conversionFromPrevious, medianDaysInStage, p75DaysInStage }], newToNetwork }` (docs/metrics.md)',
  })
  async funnel(
    @CurrentUser() principal: Principal,
    @Query() query: ReportRangeQueryDto,
    @Req() request: Request,
  ): Promise<FunnelReport | StreamableFile> {
    return respond(request, await this.reports.funnel(principal, query), funnelCsv, 'funnel');
  }

  @Get(['cohorts', 'cohorts.csv'])
  @ApiOkResponse({
    description:
      '`{ by, cohorts: [{ period, size, ownTrajectoryWithin: { 3, 6, 12 }, structuralWithin: { 3, 6, 12 } }] }`; null for a window not yet passed',
  })
  async cohorts(
    @CurrentUser() principal: Principal,
    @Query() query: CohortQueryDto,
    @Req() request: Request,
  ): Promise<CohortReport | StreamableFile> {
    return respond(request, await this.reports.cohorts(principal, query), cohortCsv, 'cohorts');
  }

  @Get(['trajectories', 'trajectories.csv'])
  @ApiOkResponse({
    description:
      '`{ from, to, started: { total, byRoute, byStatus, bySbiSection, bySizeClass }, viaSwCompany, direct, certified, stopped, outcomes }`',
  })
  async trajectories(
    @CurrentUser() principal: Principal,
    @Query() query: ReportRangeQueryDto,
    @Req() request: Request,
  ): Promise<TrajectoryReport | StreamableFile> {
    return respond(request, await this.trajectoryReports.report(principal, query), trajectoryCsv, 'trajectories');
  }

  @Get(['targets', 'targets.csv'])
  @ApiOkResponse({ description: '`{ regionId, period, from, to, items: [{ metric, target, actual, share }] }`' })
  async targets(
    @CurrentUser() principal: Principal,
    @Query() query: TargetReportQueryDto,
    @Req() request: Request,
  ): Promise<TargetReport | StreamableFile> {
    return respond(request, await this.reports.targets(principal, query), targetCsv, 'targets');
  }

  // `:id` also matches `<uuid>.csv`: the suffix asks for CSV (wantsCsv) and is not part of the id.
  @Get('campaigns/:id')
  @ApiOkResponse({
    description:
      '`{ steps: [{ step, templateId, templateVersion, sent, bounced, blocked, replied, unsubscribed, …Rate }], audience, enrolled, skipped, exited, employersMailed, converted, conversionRate }`',
  })
  async campaign(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Req() request: Request,
  ): Promise<CampaignReport | StreamableFile> {
    return respond(
      request,
      await this.campaignReports.report(principal, id.replace(/\.csv$/, '')),
      campaignCsv,
      'campaign',
    );
  }
}
