import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateOrganisationDto } from './create-organisation.dto';

/** Every field optional; `null` clears an optional one. Kind and region do not change. */
export class UpdateOrganisationDto extends PartialType(
  OmitType(CreateOrganisationDto, ['kind', 'regionId'] as const),
) {}
