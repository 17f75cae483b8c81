import { Module } from '@nestjs/common';
import { CrmModule } from '../crm.module';
import { MboMatchRepository } from '../mbo-matches/mbo-match.repository';
import { MboMatchService } from '../mbo-matches/mbo-match.service';
import { StagesModule } from '../stages/stages.module';
import { StoriesModule } from '../stories/stories.module';
import { TrajectoryStages } from './trajectory-stages.service';
import { TrajectoryRepository } from './trajectory.repository';
import { TrajectoryService } from './trajectory.service';

/** Trajectories, the stage moves they cause, and the MBO schools that can serve an employer. */
@Module({
  imports: [CrmModule, StagesModule, StoriesModule],
  providers: [TrajectoryRepository, TrajectoryService, TrajectoryStages, MboMatchRepository, MboMatchService],
  exports: [TrajectoryService, TrajectoryStages, MboMatchService],
})
export class TrajectoriesModule {}
