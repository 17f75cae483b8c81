import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/** Field names only (`@Allow()`): the service checks types and values once the task is found in the caller's regions. */
export class UpdateTaskDto {
  @ApiPropertyOptional()
  @Allow()
  done?: boolean;

  @ApiPropertyOptional({ maxLength: 200 })
  @Allow()
  title?: string;

  @ApiPropertyOptional({ example: '2027-03-04T09:00:00+01:00' })
  @Allow()
  dueAt?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An active user who works in the employer’s region' })
  @Allow()
  assigneeId?: string;
}
