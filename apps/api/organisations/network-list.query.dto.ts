import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { NETWORK_SORT_FIELDS } from '@app/crm';
import { PageQueryDto } from './page.query.dto';

export class NetworkListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: `Also ended links. Sort: ${NETWORK_SORT_FIELDS.join(', ')}`,
  })
  @IsOptional()
  @IsString()
  includeEnded?: string;
}
