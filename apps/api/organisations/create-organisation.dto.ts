import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PARTNER_KINDS } from '@app/crm';

/** A diploma-erkenning derde leerweg of an MBO school. */
export class RecognitionDto {
  @ApiProperty({ example: '2025:Q', description: 'SBI version and section letter' })
  @IsString()
  sbiSection: string;

  @ApiPropertyOptional({
    type: String,
    example: '25180',
    description: 'A kwalificatiedossier (5 digits)',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  crebo?: string | null;
}

/** Types only; the service checks the values after region scope (404 before 400). */
export class CreateOrganisationDto {
  @ApiProperty({ enum: PARTNER_KINDS })
  @IsOptional()
  @IsString()
  kind?: string;

  @ApiProperty({ example: 'Werkbedrijf Amstelland' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @ApiProperty({ format: 'uuid' })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '12345678' })
  @IsOptional()
  @IsString()
  kvkNumber?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Postbus 123, 1000 AA Amsterdam',
    description: 'Shown in campaign footers for a WSP',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  postalAddress?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Stored in E.164' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  website?: string | null;

  @ApiPropertyOptional({ type: [RecognitionDto], nullable: true, description: 'Only for kind mbo' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RecognitionDto)
  recognitions?: RecognitionDto[] | null;
}
