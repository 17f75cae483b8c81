import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsOptional, IsString } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES } from '@app/auth';

/**
 * Types and known fields only: the values (e-mail format, role, password length, phone) are checked
 * by UserService after the role and region checks, so 403 and 404 answer before 400 (api.md).
 */
export class CreateUserDto {
  @ApiProperty({ example: 'j.jansen@wsp-example.nl', maxLength: 254 })
  @IsString()
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsString()
  role: string;

  @ApiProperty({ type: [String], description: 'Region ids; at least one unless the role is admin' })
  @IsArray()
  @IsString({ each: true })
  regionIds: string[];

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  password: string;

  @ApiPropertyOptional({ example: '+31201234567', description: 'Stored in E.164' })
  @IsOptional()
  @IsString()
  phone?: string;
}
