import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../organisations/page.query.dto';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'employer',
    description: 'employer, organisation, contact, network_link, region, user …',
  })
  @IsOptional()
  @IsString()
  entity?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One record; 404 when none of its entries are visible to you' })
  @IsOptional()
  @IsString()
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsString()
  regionId?: string;
}
