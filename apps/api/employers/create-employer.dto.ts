import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LEGAL_FORMS, SIZE_CLASSES } from '@app/crm';

/**
 * Types only; the service checks the values (KvK, postcode, RSIN, SBI, owner …) after region scope,
 * so a region outside the caller's is a 404 before any 400, and required fields are named "is required".
 */
export class CreateEmployerDto {
  @ApiProperty({ example: 'Bakkerij de Vries' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @ApiProperty({ example: '12345678', description: 'Exactly 8 digits; unique within the region' })
  @IsOptional()
  @IsString()
  kvkNumber?: string;

  @ApiProperty({ format: 'uuid' })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '000012345678', description: '12 digits' })
  @IsOptional()
  @IsString()
  vestigingsnummer?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '123456782',
    description: '9 digits passing the 11-proef',
  })
  @IsOptional()
  @IsString()
  rsin?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '47111',
    description: 'The section is derived from it',
  })
  @IsOptional()
  @IsString()
  sbiCode?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, enum: [2008, 2025], default: 2025 })
  @IsOptional()
  @IsIn([2008, 2025])
  sbiVersion?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, enum: SIZE_CLASSES })
  @IsOptional()
  @IsString()
  sizeClass?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, enum: LEGAL_FORMS })
  @IsOptional()
  @IsString()
  legalForm?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '1234 AB', description: 'Stored as `1234 AB`' })
  @IsOptional()
  @IsString()
  postcode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  city?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://www.example.nl' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  website?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'Default: the caller; an active user of the region',
  })
  @IsOptional()
  @IsString()
  ownerId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  leadSource?: string | null;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    description: 'Trimmed and de-duplicated; no , ; or | inside a tag',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  tags?: string[] | null;
}
