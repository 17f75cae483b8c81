import { Module } from '@nestjs/common';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { ImportsRepository } from './imports.repository';
import { TrajectoryBatchWriter } from './trajectory-batch-writer';
import { TrajectoryImportRepository } from './trajectory-import.repository';
import { TrajectoryImportService } from './trajectory-import.service';

/** The worker side of `POST /api/imports/trajectories`; the `import` queue's processor calls it. */
@Module({
  imports: [TrajectoriesModule],
  providers: [ImportsRepository, TrajectoryImportRepository, TrajectoryBatchWriter, TrajectoryImportService],
  exports: [TrajectoryImportService],
})
export class TrajectoryImportModule {}
