import { ApiProperty } from '@nestjs/swagger';
import { Allow, IsOptional, IsString, MaxLength } from 'class-validator';
import { SEGMENT_FILTER_PROPERTY } from './segment-filter.schema';

/** Types only; the service checks the region scope first (404), then required fields and the filter (400). */
export class CreateSegmentDto {
  @ApiProperty({ format: 'uuid', description: 'The region whose employers the segment selects' })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiProperty({ example: 'Zorg zonder SW-contact', maxLength: 200, description: 'Unique within the region' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  name?: string;

  @ApiProperty(SEGMENT_FILTER_PROPERTY)
  @Allow()
  filter?: unknown;
}
