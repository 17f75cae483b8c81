import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { PARTNER_KINDS, PARTNER_SORT_FIELDS } from '@app/crm';
import { PageQueryDto } from './page.query.dto';

export class OrganisationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARTNER_KINDS })
  @IsOptional()
  @IsString()
  kind?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiPropertyOptional({ description: `Part of the name, city or KvK number. Sort: ${PARTNER_SORT_FIELDS.join(', ')}` })
  @IsOptional()
  @IsString()
  q?: string;
}
