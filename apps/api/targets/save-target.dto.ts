import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { TARGET_METRICS } from '@app/crm';

/** Types only; the service checks the values after the region scope (outside it: 404 before any 400). */
export class SaveTargetDto {
  @ApiProperty({ format: 'uuid' })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiProperty({ example: '2027-Q1', description: 'A year (2000–2100) or a quarter of it: `2027` or `2027-Q1`' })
  @IsOptional()
  @IsString()
  period?: string;

  @ApiProperty({ enum: TARGET_METRICS })
  @IsOptional()
  @IsString()
  metric?: string;

  @ApiProperty({ minimum: 0, example: 40 })
  @IsOptional()
  @IsInt()
  value?: number;
}
