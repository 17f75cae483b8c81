import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Types only; the service checks the region (404), the address and the reason (400), then duplicates (409). */
export class CreateSuppressionDto {
  @ApiProperty({ example: 'info@bakkerij.example', description: 'Stored lower-case' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  email?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'One of your regions; left out or null: suppressed in every region',
  })
  @IsOptional()
  @IsString()
  regionId?: string | null;

  @ApiProperty({ example: 'Asked by phone not to be mailed', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  reason?: string;
}
