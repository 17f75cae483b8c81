import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../organisations/page.query.dto';

/** Sort: `reviewDueAt` (default, longest waiting first). */
export class ReviewQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this region (within your own)' })
  @IsOptional()
  @IsString()
  regionId?: string;
}
