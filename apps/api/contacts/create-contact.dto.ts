import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { EMAIL_BASES } from '@app/crm';

/** Types only; the service checks values (e-mail, phone in E.164, basis) and names each bad field. */
export class CreateContactDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  firstName?: string | null;

  @ApiProperty()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  lastName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'j.devries@example.nl' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  email?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '+31201234567',
    description: 'Stored in E.164; Dutch numbers may omit +31',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'HR manager' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  role?: string | null;

  @ApiPropertyOptional({ description: 'Makes this the primary contact (the first contact always is)' })
  @IsOptional()
  @IsBoolean()
  primary?: boolean;

  @ApiPropertyOptional({
    type: String,
    enum: EMAIL_BASES,
    nullable: true,
    description: 'Without one, campaigns never mail the contact',
  })
  @IsOptional()
  @IsString()
  emailBasis?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Beurs Werkgeversdag 2026' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  emailBasisSource?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Signed form, scan in dossier 2026-114' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  emailBasisEvidence?: string | null;
}
