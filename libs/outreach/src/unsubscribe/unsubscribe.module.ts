import { Module } from '@nestjs/common';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { SuppressionsModule } from '../suppressions/suppressions.module';
import { UnsubscribeRepository } from './unsubscribe.repository';
import { UnsubscribeService } from './unsubscribe.service';

/** The one-click unsubscribe behind `/u/:token`. */
@Module({
  imports: [EnrolmentsModule, SuppressionsModule],
  providers: [UnsubscribeService, UnsubscribeRepository],
  exports: [UnsubscribeService],
})
export class UnsubscribeModule {}
