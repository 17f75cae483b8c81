import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** `?page=1&pageSize=50&sort=field,-other` of every list (api.md "Conventions"); checked by `pageRequest`. */
export class PageQueryDto {
  @ApiPropertyOptional({ example: '1' })
  @IsOptional()
  @IsString()
  page?: string;

  @ApiPropertyOptional({ example: '50', description: 'At most 500' })
  @IsOptional()
  @IsString()
  pageSize?: string;

  @ApiPropertyOptional({ description: 'Comma-separated fields from the endpoint allowlist; `-` for descending' })
  @IsOptional()
  @IsString()
  sort?: string;
}
