import { Module } from '@nestjs/common';
import { EnrolmentExitsRepository } from './enrolment-exits.repository';
import { EnrolmentExits } from './enrolment-exits.service';
import { EnrolmentRepository } from './enrolment.repository';
import { EnrolmentService } from './enrolment.service';
import { StageExitListener } from './stage-exit.listener';

/**
 * Enrolments after the launch made them: exits (`EnrolmentExits`, for delivery, stage changes,
 * removal and cancelling), the stage-change listener, and the list and removal of `/enrolments`.
 * Needs only the global core modules, so the campaigns module can import it for cancelling.
 */
@Module({
  providers: [EnrolmentExits, EnrolmentExitsRepository, EnrolmentRepository, EnrolmentService, StageExitListener],
  exports: [EnrolmentExits, EnrolmentService],
})
export class EnrolmentsModule {}
