import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { TASK_SORT_FIELDS } from '@app/crm';
import { PageQueryDto } from '../organisations/page.query.dto';

/** Filters of `GET /api/tasks`; without assigneeId and employerId: the caller's own tasks. */
export class TaskListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: `Sort: ${TASK_SORT_FIELDS.join(', ')} (default dueAt)` })
  @IsOptional()
  @IsString()
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'All tasks of one employer (any assignee unless assigneeId)' })
  @IsOptional()
  @IsString()
  employerId?: string;

  @ApiPropertyOptional({
    enum: ['overdue', 'today', 'week'],
    description:
      'Europe/Amsterdam days. overdue: not done, due before now; today: due between 00:00 today and 00:00 ' +
      'tomorrow; week: due from now until Monday 00:00 after this ISO week (Sunday inclusive)',
  })
  @IsOptional()
  @IsString()
  due?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsString()
  done?: string;
}
