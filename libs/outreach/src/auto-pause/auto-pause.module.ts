import { Module } from '@nestjs/common';
import { TasksModule } from '@app/crm';
import { AutoPauseRepository } from './auto-pause.repository';
import { AutoPauseService } from './auto-pause.service';

/** The auto-pause shared by sending (SMTP bounces, blocks) and inbound (reported bounces). */
@Module({
  imports: [TasksModule],
  providers: [AutoPauseService, AutoPauseRepository],
  exports: [AutoPauseService],
})
export class AutoPauseModule {}
