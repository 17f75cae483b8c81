import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { NETWORK_RELATIONS } from '@app/crm';

export class CreateNetworkLinkDto {
  @ApiProperty({ format: 'uuid', description: 'An employer of the SW-bedrijf’s region' })
  @IsString()
  employerId: string;

  @ApiProperty({ enum: NETWORK_RELATIONS })
  @IsString()
  relation: string;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'Default: today (Europe/Amsterdam); not in the future' })
  @IsOptional()
  @IsString()
  since?: string;
}
