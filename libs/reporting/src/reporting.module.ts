import { Module } from '@nestjs/common';
import { CrmModule } from '@app/crm';
import { CampaignReportRepository } from './campaign-report.repository';
import { CampaignReportService } from './campaign-report.service';
import { CohortReportRepository } from './cohort-report.repository';
import { FunnelReportRepository } from './funnel-report.repository';
import { ReportScope } from './report-scope.service';
import { ReportsService } from './reports.service';
import { TargetReportRepository } from './target-report.repository';
import { TrajectoryReportRepository } from './trajectory-report.repository';
import { TrajectoryReportService } from './trajectory-report.service';

/** Coordinator reports (issue 5): every figure is one aggregate query in PostgreSQL. */
@Module({
  imports: [CrmModule],
  providers: [
    ReportScope,
    ReportsService,
    TrajectoryReportService,
    FunnelReportRepository,
    CohortReportRepository,
    TrajectoryReportRepository,
    TargetReportRepository,
    CampaignReportRepository,
    CampaignReportService,
  ],
  exports: [ReportsService, TrajectoryReportService, CampaignReportService],
})
export class ReportingModule {}
