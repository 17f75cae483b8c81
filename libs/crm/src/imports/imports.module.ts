import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@app/core';
import { ImportQueue } from './import-queue';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

/** The HTTP side of imports: accept, store and queue uploads, and report on them. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Import })],
  providers: [ImportsRepository, ImportQueue, ImportsService],
  exports: [ImportsService],
})
export class ImportsModule {}
