import { Module } from '@nestjs/common';
import { CrmModule } from '../crm.module';
import { StagesModule } from '../stages/stages.module';
import { ActivityRepository } from './activity.repository';
import { ActivityService } from './activity.service';

/** Activities logged on employers (`POST /api/employers/:id/activities`). */
@Module({
  imports: [CrmModule, StagesModule],
  providers: [ActivityService, ActivityRepository],
  exports: [ActivityService],
})
export class ActivitiesModule {}
