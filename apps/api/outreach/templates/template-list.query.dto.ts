import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../../organisations/page.query.dto';

/** Sort: `name`, `createdAt`, `updatedAt` (default `name`). */
export class TemplateListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "One region's templates plus the national ones" })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only national (`true`) or only regional templates' })
  @IsOptional()
  @IsString()
  national?: string;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  q?: string;
}
