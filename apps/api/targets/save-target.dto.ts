import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { TARGET_METRICS } from '@app/crm';

/**
 * Field names only (`@Allow()`; the types are documentation): the service checks the region first
 * (outside the caller's regions, or unknown: 404), then the types and values of the rest (400).
 */
export class SaveTargetDto {
  @ApiProperty({ format: 'uuid' })
  @Allow()
  regionId?: string;

  @ApiProperty({ example: '2027-Q1', description: 'A year (2000–2100) or a quarter of it: `2027` or `2027-Q1`' })
  @Allow()
  period?: string;

  @ApiProperty({ enum: TARGET_METRICS })
  @Allow()
  metric?: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1_000_000, example: 40 })
  @Allow()
  value?: number;
}
