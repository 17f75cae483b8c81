import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString } from 'class-validator';

export class UpdateRegionSettingsDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 365, description: 'Days between two campaign e-mails to one contact' })
  @IsOptional()
  @IsInt()
  pressureDays?: number;

  @ApiPropertyOptional({ type: [String], example: ['2027-05-05'], description: 'Extra days without sending' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  closingDays?: string[];
}
