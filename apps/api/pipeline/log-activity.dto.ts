import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ACTIVITY_TYPES } from '@app/crm';

/** Types only; the service checks the values. */
export class LogActivityDto {
  @ApiProperty({ enum: ACTIVITY_TYPES, description: 'call, meeting and email move a prospect to contacted' })
  @IsOptional()
  @IsString()
  type?: string;

  @ApiPropertyOptional({ example: '2027-03-01T10:30:00+01:00', description: 'Default now; not in the future' })
  @IsOptional()
  @IsString()
  at?: string;

  @ApiProperty({ example: 'Kennismaking met de HR-manager; interesse in een SW-pilot' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  summary?: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'A contact of this employer' })
  @IsOptional()
  @IsString()
  contactId?: string | null;
}
