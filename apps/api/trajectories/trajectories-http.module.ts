import { Module } from '@nestjs/common';
import { TrajectoriesModule } from '@app/crm';
import { MboMatchesController } from './mbo-matches.controller';
import { TrajectoriesController } from './trajectories.controller';

/** Trajectories and the employer's MBO matches. */
@Module({
  imports: [TrajectoriesModule],
  controllers: [TrajectoriesController, MboMatchesController],
})
export class TrajectoriesHttpModule {}
