import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsOptional, IsString, ValidateIf } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES } from '@app/auth';

/** Types and known fields only; UserService checks the values after the role and region checks (see CreateUserDto). */
export class UpdateUserDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsString()
  role?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  regionIds?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null removes the phone number' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString()
  phone?: string | null;

  @ApiPropertyOptional({ description: 'true disables the user; their tokens stop working at once' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'Sets a new password; tokens issued before it stop working',
  })
  @IsOptional()
  @IsString()
  password?: string;
}
