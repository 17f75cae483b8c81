import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { STORY_SORT_FIELDS } from '@app/crm';
import { PageQueryDto } from '../organisations/page.query.dto';

/** Filters of `GET /api/stories`; values are checked by the service. */
export class StoryListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: '2025:Q',
    description: `The employer's SBI version and section. Sort: ${STORY_SORT_FIELDS.join(', ')} (default -createdAt)`,
  })
  @IsOptional()
  @IsString()
  sbiSection?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The employer's region" })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsString()
  employerId?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Published, consented and not expired today (Europe/Amsterdam)',
  })
  @IsOptional()
  @IsString()
  usable?: string;
}
