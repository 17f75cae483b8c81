import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';

export class PreviewTemplateDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "A contact of the caller's regions; left out: placeholder values",
  })
  @IsOptional()
  @IsString()
  contactId?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'An older version (default: the current one)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
