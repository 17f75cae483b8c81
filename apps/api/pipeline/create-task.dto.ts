import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * Field names only (`@Allow()`; the types are documentation): the service checks types and values after
 * the employer's region scope, so an employer outside it is a 404 before any 400 (api.md).
 */
export class CreateTaskDto {
  @ApiProperty({ format: 'uuid' })
  @Allow()
  employerId?: string;

  @ApiProperty({ example: 'Offerte SW-pilot nabellen', maxLength: 200 })
  @Allow()
  title?: string;

  @ApiProperty({ example: '2027-03-04T09:00:00+01:00' })
  @Allow()
  dueAt?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: "Default: the employer's owner (while active in the region), else the caller",
  })
  @Allow()
  assigneeId?: string | null;
}
