import { Module } from '@nestjs/common';
import { DeliveryModule } from './delivery.module';
import { DispatchProcessor, DispatchSchedule, EmailSendProcessor, SequenceStepProcessor } from './delivery.processors';

/** The `dispatch`, `email-send` and `sequence-step` processors and the dispatch scheduler, for worker processes. */
@Module({
  imports: [DeliveryModule],
  providers: [DispatchProcessor, EmailSendProcessor, SequenceStepProcessor, DispatchSchedule],
})
export class DeliveryWorkerModule {}
