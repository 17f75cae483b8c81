import { Module } from '@nestjs/common';
import { CrmModule } from '../crm.module';
import { TaskRepository } from './task.repository';
import { TaskService } from './task.service';

/** Tasks on employers (`/api/tasks`). */
@Module({
  imports: [CrmModule],
  providers: [TaskService, TaskRepository],
  exports: [TaskService],
})
export class TasksModule {}
