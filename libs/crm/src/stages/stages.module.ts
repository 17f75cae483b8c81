import { Module } from '@nestjs/common';
import { CrmModule } from '../crm.module';
import { TasksModule } from '../tasks/tasks.module';
import { StageService } from './stage.service';

/**
 * Employer stages and their history; other modules move stages through `StageService.advance`.
 * (`StageRepository` comes from CrmModule: employer creation writes the first history row.)
 */
@Module({
  imports: [CrmModule, TasksModule],
  providers: [StageService],
  exports: [StageService],
})
export class StagesModule {}
