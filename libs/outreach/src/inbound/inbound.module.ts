import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@app/core';
import { TasksModule } from '@app/crm';
import { AutoPauseModule } from '../auto-pause/auto-pause.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { SuppressionsModule } from '../suppressions/suppressions.module';
import { InboundForwarder } from './inbound-forwarder';
import { InboundIntake } from './inbound-intake.service';
import { InboundMessageRepository } from './inbound-message.repository';
import { InboundProcessor } from './inbound.processor';
import { InboundRecovery } from './inbound-recovery';
import { InboundReceiver } from './inbound-receiver';
import { InboundService } from './inbound.service';

/**
 * Inbound mail, for worker processes (apps/worker, or the api with WORKERS=inline): the SMTP
 * receiver (started at bootstrap, closed on shutdown), the `inbound` queue's processor and the
 * sweep that re-queues stored messages whose job was lost.
 */
@Module({
  imports: [
    BullModule.registerQueue({ name: QueueName.Inbound }),
    AutoPauseModule,
    EnrolmentsModule,
    SuppressionsModule,
    TasksModule,
  ],
  providers: [
    InboundMessageRepository,
    InboundIntake,
    InboundReceiver,
    InboundService,
    InboundForwarder,
    InboundProcessor,
    InboundRecovery,
  ],
  exports: [InboundReceiver, InboundService, InboundIntake, InboundRecovery],
})
export class InboundModule {}
