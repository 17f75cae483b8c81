import { Module } from '@nestjs/common';
import { ActivitiesModule, StagesModule, TasksModule, TimelineModule } from '@app/crm';
import { EmployerPipelineController } from './employer-pipeline.controller';
import { TasksController } from './tasks.controller';

/** Pipeline endpoints: stage moves and history, activities, the employer timeline, tasks. */
@Module({
  imports: [StagesModule, ActivitiesModule, TasksModule, TimelineModule],
  controllers: [EmployerPipelineController, TasksController],
})
export class PipelineHttpModule {}
