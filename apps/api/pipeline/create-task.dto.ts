import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Types only; the service checks the values after the employer's region scope. */
export class CreateTaskDto {
  @ApiProperty({ format: 'uuid' })
  @IsOptional()
  @IsString()
  employerId?: string;

  @ApiProperty({ example: 'Offerte SW-pilot nabellen' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  title?: string;

  @ApiProperty({ example: '2027-03-04T09:00:00+01:00' })
  @IsOptional()
  @IsString()
  dueAt?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: "Default: the employer's owner (while active in the region), else the caller",
  })
  @IsOptional()
  @IsString()
  assigneeId?: string | null;
}
