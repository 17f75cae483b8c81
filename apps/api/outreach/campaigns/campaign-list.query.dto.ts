import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { CAMPAIGN_SORT_FIELDS, CAMPAIGN_STATUSES } from '@app/outreach';
import { PageQueryDto } from '../../organisations/page.query.dto';

/** Filters of `GET /api/campaigns`; values are checked by the service. */
export class CampaignListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @IsOptional()
  @IsString()
  status?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: `One of the caller's regions (404 otherwise). Sort: ${CAMPAIGN_SORT_FIELDS.join(', ')} (default -createdAt)`,
  })
  @IsOptional()
  @IsString()
  regionId?: string;
}
