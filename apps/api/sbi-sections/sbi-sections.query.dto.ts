import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../organisations/page.query.dto';

export class SbiSectionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['2008', '2025'], description: 'Both versions when left out' })
  @IsOptional()
  @IsString()
  version?: string;
}
