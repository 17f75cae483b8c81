import { Module } from '@nestjs/common';
import { CrmModule } from '@app/crm';
import { CompiledSegmentCache } from './compiled-segment-cache';
import { SegmentEmployerRepository } from './segment-employer.repository';
import { SegmentFilterCheck } from './segment-filter-check.service';
import { SegmentQuery } from './segment-query.service';
import { SegmentRepository } from './segment.repository';
import { SegmentService } from './segment.service';

/** Saved segments and the employers they select; `SegmentQuery` is what a campaign launch streams. */
@Module({
  imports: [CrmModule],
  providers: [
    SegmentService,
    SegmentQuery,
    SegmentFilterCheck,
    SegmentRepository,
    SegmentEmployerRepository,
    CompiledSegmentCache,
  ],
  exports: [SegmentService, SegmentQuery],
})
export class SegmentsModule {}
