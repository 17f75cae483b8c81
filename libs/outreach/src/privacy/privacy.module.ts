import { Module } from '@nestjs/common';
import { CrmModule } from '@app/crm';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { SuppressionsModule } from '../suppressions/suppressions.module';
import { DataSubjectRepository } from './data-subject.repository';
import { DataSubjectService } from './data-subject.service';
import { OutboxCopyRepository } from './outbox-copy.repository';
import { PrivacyQueryService } from './privacy-query.service';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/** Data-subject requests (AVG), the review list and the retention rules; the worker part is `RetentionWorkerModule`. */
@Module({
  imports: [CrmModule, EnrolmentsModule, SuppressionsModule],
  providers: [
    DataSubjectService,
    DataSubjectRepository,
    OutboxCopyRepository,
    PrivacyQueryService,
    RetentionService,
    RetentionRepository,
  ],
  exports: [DataSubjectService, PrivacyQueryService, RetentionService],
})
export class PrivacyModule {}
