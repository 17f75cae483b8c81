import { Module } from '@nestjs/common';
import { ReportingModule } from '@app/reporting';
import { ReportsController } from './reports.controller';

/** `GET /api/reports/*`. */
@Module({
  imports: [ReportingModule],
  controllers: [ReportsController],
})
export class ReportsHttpModule {}
