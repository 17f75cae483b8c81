import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

/**
 * What to render. `subject`, `html` and `text` render an unsaved draft (each left out: the current
 * version's), checked like a create: 400 for missing or oversized parts, 422 with `details[].line`.
 * The `@MaxLength`s only bound the body (twice the documented limits): the service checks the exact limits
 * after the 404s, naming the part, so a too-long draft of another region's template is still a 404.
 */
export class PreviewTemplateDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "A contact of the caller's regions; left out: placeholder values",
  })
  @IsOptional()
  @IsString()
  contactId?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'An older version (default: the current one); not with a draft' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ maxLength: 500, description: 'Draft subject, rendered instead of the saved one' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  subject?: string;

  @ApiPropertyOptional({ maxLength: 200000, description: 'Draft HTML body, rendered instead of the saved one' })
  @IsOptional()
  @IsString()
  @MaxLength(400000)
  html?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 100000,
    description: 'Draft plain-text body; null or empty: generated from the HTML',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200000)
  text?: string | null;
}
