import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@app/core';
import { EmployerImportRepository } from './employer-import.repository';
import { EmployerImportService } from './employer-import.service';
import { ImportQueue } from './import-queue';
import { ImportRecovery } from './import-recovery';
import { ImportProcessor } from './import.processor';
import { ImportsRepository } from './imports.repository';
import { TrajectoryImportModule } from './trajectory-import.module';

/**
 * The `import` queue's processor, for any process that runs workers (the api with WORKERS=inline,
 * or apps/worker). Needs the global config, database, queue, clock and audit (Transactions) modules.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Import }), TrajectoryImportModule],
  providers: [
    ImportsRepository,
    EmployerImportRepository,
    EmployerImportService,
    ImportQueue,
    ImportProcessor,
    ImportRecovery,
  ],
  exports: [EmployerImportService],
})
export class ImportWorkerModule {}
