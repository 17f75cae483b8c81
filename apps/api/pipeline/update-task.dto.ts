import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

export class UpdateTaskDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  done?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  title?: string;

  @ApiPropertyOptional({ example: '2027-03-04T09:00:00+01:00' })
  @IsOptional()
  @IsString()
  dueAt?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An active user who works in the employer’s region' })
  @IsOptional()
  @IsString()
  assigneeId?: string;
}
