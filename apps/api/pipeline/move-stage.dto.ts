import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { EMPLOYER_STAGES } from '@app/crm';

/**
 * Types only; the service checks the values (reason: at most 1000 characters) and the hand-move rules
 * (api.md "Pipeline").
 */
export class MoveStageDto {
  @ApiProperty({ enum: EMPLOYER_STAGES })
  @IsOptional()
  @IsString()
  stage?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 1000,
    description: 'Required to move back, to not_interested, to leave a side state and with override',
  })
  @IsOptional()
  @IsString()
  reason?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2027-09-01',
    description: 'Only with not_interested: a task for the owner (else the caller) on that day at 09:00 Amsterdam time',
  })
  @IsOptional()
  @IsString()
  recontactAt?: string | null;

  @ApiPropertyOptional({ description: 'Coordinators and admins: set any stage (with a reason)' })
  @IsOptional()
  @IsBoolean()
  override?: boolean;
}
