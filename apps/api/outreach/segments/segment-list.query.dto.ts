import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { SEGMENT_SORT_FIELDS } from '@app/outreach';
import { PageQueryDto } from '../../organisations/page.query.dto';

/** Filters of `GET /api/segments`; values are checked by the service. */
export class SegmentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: `One of the caller's regions (404 otherwise). Sort: ${SEGMENT_SORT_FIELDS.join(', ')} (default name)`,
  })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  q?: string;
}
