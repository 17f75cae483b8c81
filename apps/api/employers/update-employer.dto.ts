import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateEmployerDto } from './create-employer.dto';

/** Every field optional; `null` clears an optional one. The region of an employer does not change. */
export class UpdateEmployerDto extends PartialType(OmitType(CreateEmployerDto, ['regionId'] as const)) {}
