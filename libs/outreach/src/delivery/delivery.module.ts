import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@app/core';
import { CrmModule, StagesModule, TasksModule } from '@app/crm';
import { AutoPauseModule } from '../auto-pause/auto-pause.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { SuppressionsModule } from '../suppressions/suppressions.module';
import { TemplatesModule } from '../templates/templates.module';
import { CampaignMessageComposer } from './campaign-message.composer';
import { DispatcherService } from './dispatcher.service';
import { EmailSendService } from './email-send.service';
import { EnrolmentProgressRepository } from './enrolment-progress.repository';
import { SendOutcomes } from './send-outcomes';
import { SendLedgerRepository } from './send-ledger.repository';
import { TaskStepService } from './task-step.service';

/** Delivery: the send ledger, the dispatcher, sending one message and running a task step. */
@Module({
  imports: [
    BullModule.registerQueue(
      { name: QueueName.Dispatch },
      { name: QueueName.EmailSend },
      { name: QueueName.SequenceStep },
    ),
    AutoPauseModule,
    CrmModule,
    EnrolmentsModule,
    StagesModule,
    TasksModule,
    SuppressionsModule,
    TemplatesModule,
  ],
  providers: [
    DispatcherService,
    EmailSendService,
    CampaignMessageComposer,
    SendOutcomes,
    TaskStepService,
    SendLedgerRepository,
    EnrolmentProgressRepository,
  ],
  exports: [DispatcherService, EmailSendService, TaskStepService, SendLedgerRepository, BullModule],
})
export class DeliveryModule {}
