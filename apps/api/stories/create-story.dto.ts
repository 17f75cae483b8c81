import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * Types only; the service checks required fields and values after the employer's region scope, so an
 * employer outside the caller's regions is a 404 before any 400.
 */
export class CreateStoryDto {
  @ApiProperty({ format: 'uuid', description: 'The story takes its region and sector from this employer' })
  @IsOptional()
  @IsString()
  employerId?: string;

  @ApiProperty({ example: 'Van leerbaan naar vaste baan', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  title?: string;

  @ApiProperty({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  summary?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  quote?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2027-03-01',
    description: 'Day the employer consented to publication; required to publish',
  })
  @IsOptional()
  @IsString()
  consentAt?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2029-03-01',
    description: 'Last day the story may be used',
  })
  @IsOptional()
  @IsString()
  expiresAt?: string | null;

  @ApiProperty({ description: 'Only with consent (409 otherwise)' })
  @IsOptional()
  @IsBoolean()
  published?: boolean;
}
