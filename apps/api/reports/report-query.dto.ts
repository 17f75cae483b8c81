import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** Values are checked by the service: a region outside the caller's regions 404 first, then 400s. */
export class ReportRangeQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Left out: all your regions (admins: every region)' })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiPropertyOptional({
    example: '2027-01-01',
    description: 'First day (Europe/Amsterdam); default: a year before `to`',
  })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ example: '2027-12-31', description: 'Last day, inclusive (Europe/Amsterdam); default: today' })
  @IsOptional()
  @IsString()
  to?: string;
}

export class CohortQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Left out: all your regions (admins: every region)' })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiPropertyOptional({ enum: ['quarter', 'month'], default: 'quarter' })
  @IsOptional()
  @IsString()
  by?: string;
}

export class TargetReportQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required unless you work in exactly one region' })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiPropertyOptional({ example: '2027-Q1', description: 'Required: a year (`2027`) or a quarter (`2027-Q1`)' })
  @IsOptional()
  @IsString()
  period?: string;
}
