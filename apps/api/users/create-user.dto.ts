import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES } from '@app/auth';
import type { Role } from '@app/auth';

export class CreateUserDto {
  @ApiProperty({ example: 'j.jansen@wsp-example.nl' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ type: [String], description: 'Region ids; at least one unless the role is admin' })
  @IsArray()
  @ArrayMaxSize(35)
  @IsUUID('all', { each: true })
  regionIds: string[];

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiPropertyOptional({ example: '+31201234567', description: 'Stored in E.164' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
}
