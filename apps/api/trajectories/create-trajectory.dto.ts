import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { TRAJECTORY_ROUTES } from '@app/crm';

/** Types only; the service checks values after region scope (a record outside it is 404 before any 400). */
export class CreateTrajectoryDto {
  @ApiProperty({ format: 'uuid' })
  @IsOptional()
  @IsString()
  employerId?: string;

  @ApiProperty({ enum: TRAJECTORY_ROUTES })
  @IsOptional()
  @IsString()
  route?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The SW-bedrijf (kind sw_company) of an SW route, in the employer region',
  })
  @IsOptional()
  @IsString()
  hostOrganisationId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The MBO school (kind mbo), in the employer region',
  })
  @IsOptional()
  @IsString()
  mboOrganisationId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '25180', description: 'Kwalificatiedossier, 5 digits' })
  @IsOptional()
  @IsString()
  crebo?: string | null;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    example: ['B1-K1-W1', 'B1-K1-W2'],
    description: 'Werkproces codes of the dossier (B1-K1-W2, P1-K1-W1 or K1-W2); at most 50',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  werkprocessen?: string[] | null;

  @ApiProperty({
    example: 'KND-2024-017',
    description: 'A pseudonym (at most 64 characters); a BSN-shaped value (9 digits passing the 11-proef) is 400',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  candidateRef?: string;

  @ApiProperty({ example: '2025-03-01', description: 'YYYY-MM-DD, not in the future; stage changes are dated at it' })
  @IsOptional()
  @IsString()
  startedAt?: string;

  @ApiPropertyOptional({
    default: false,
    description: "For the employer's own employee: the employer becomes structural",
  })
  @IsOptional()
  @IsBoolean()
  forOwnEmployee?: boolean;
}
