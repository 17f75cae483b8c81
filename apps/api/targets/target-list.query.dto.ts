import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { TARGET_SORT_FIELDS } from '@app/crm';
import { PageQueryDto } from '../organisations/page.query.dto';

/** Filters of `GET /api/targets`; values are checked by the service. */
export class TargetListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: `Sort: ${TARGET_SORT_FIELDS.join(', ')} (default period, metric)`,
  })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiPropertyOptional({ example: '2027', description: 'Exactly this period: `2027` or `2027-Q1`' })
  @IsOptional()
  @IsString()
  period?: string;
}
