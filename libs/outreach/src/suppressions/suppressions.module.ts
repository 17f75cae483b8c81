import { Module } from '@nestjs/common';
import { CrmModule } from '@app/crm';
import { EnrolmentStopRepository } from '../delivery/enrolment-stop.repository';
import { ContactPrivacyRepository } from '../privacy/contact-privacy.repository';
import { SuppressionRepository } from './suppression.repository';
import { SuppressionService } from './suppression.service';

/** Suppressed addresses: the API's service, and what delivery checks and writes on bounces and unsubscribes. */
@Module({
  imports: [CrmModule],
  providers: [SuppressionService, SuppressionRepository, EnrolmentStopRepository, ContactPrivacyRepository],
  exports: [SuppressionService, SuppressionRepository, EnrolmentStopRepository, ContactPrivacyRepository],
})
export class SuppressionsModule {}
