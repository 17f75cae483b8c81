import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { EMPLOYER_SORT_FIELDS, EMPLOYER_STAGES, SIZE_CLASSES } from '@app/crm';
import { PageQueryDto } from '../organisations/page.query.dto';

/** Filters of `GET /api/employers` and its CSV export; values are checked by the service. */
export class EmployerListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: `Part of the name, city or KvK number. Sort: ${EMPLOYER_SORT_FIELDS.join(', ')}`,
  })
  @IsOptional()
  @IsString()
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiPropertyOptional({ enum: EMPLOYER_STAGES })
  @IsOptional()
  @IsString()
  stage?: string;

  @ApiPropertyOptional({ example: '2025:Q', description: 'Version and section letter' })
  @IsOptional()
  @IsString()
  sbiSection?: string;

  @ApiPropertyOptional({ enum: SIZE_CLASSES })
  @IsOptional()
  @IsString()
  sizeClass?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Employers with an active network link to this SW-bedrijf' })
  @IsOptional()
  @IsString()
  swCompanyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsString()
  ownerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  tag?: string;
}
