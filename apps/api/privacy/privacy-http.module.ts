import { Module } from '@nestjs/common';
import { PrivacyModule } from '@app/outreach';
import { ContactPrivacyController } from './contact-privacy.controller';
import { PrivacyController } from './privacy.controller';

/** `/api/contacts/:id/{export,restrict,object,erase}` and `/api/privacy/*`. */
@Module({
  imports: [PrivacyModule],
  controllers: [ContactPrivacyController, PrivacyController],
})
export class PrivacyHttpModule {}
