import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { TRAJECTORY_ROUTES } from '@app/crm';

/**
 * Field names only (`@Allow()`; the types are documentation): the service checks types and values after
 * the region scope, so an employer, host or school outside it is a 404 before any 400 (api.md).
 */
export class CreateTrajectoryDto {
  @ApiProperty({ format: 'uuid' })
  @Allow()
  employerId?: string;

  @ApiProperty({ enum: TRAJECTORY_ROUTES })
  @Allow()
  route?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: "The SW-bedrijf (kind sw_company) of an SW route, in the employer's region (another region: 400)",
  })
  @Allow()
  hostOrganisationId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: "The MBO school (kind mbo), in the employer's region (another region: 400)",
  })
  @Allow()
  mboOrganisationId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '25180', description: 'Kwalificatiedossier, 5 digits' })
  @Allow()
  crebo?: string | null;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    example: ['B1-K1-W1', 'B1-K1-W2'],
    description: 'Werkproces codes of the dossier (B1-K1-W2, P1-K1-W1 or K1-W2); at most 50',
  })
  @Allow()
  werkprocessen?: string[] | null;

  @ApiProperty({
    example: 'KND-2024-017',
    description: 'A pseudonym (at most 64 characters); a BSN-shaped value (9 digits passing the 11-proef) is 400',
  })
  @Allow()
  candidateRef?: string;

  @ApiProperty({ example: '2025-03-01', description: 'YYYY-MM-DD, not in the future; stage changes are dated at it' })
  @Allow()
  startedAt?: string;

  @ApiPropertyOptional({
    default: false,
    description: "For the employer's own employee: the employer becomes structural (after its route's stage)",
  })
  @Allow()
  forOwnEmployee?: boolean;
}
