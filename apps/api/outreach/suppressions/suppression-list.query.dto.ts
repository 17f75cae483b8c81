import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../../organisations/page.query.dto';

/** Sort: `createdAt` (default, newest first) or `email`. Always includes the suppressions that hold everywhere. */
export class SuppressionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "One region's suppressions plus the global ones" })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiPropertyOptional({ description: 'Part of the address' })
  @IsOptional()
  @IsString()
  q?: string;
}
