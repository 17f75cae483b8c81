import { OmitType } from '@nestjs/swagger';
import { CreateEmployerDto } from './create-employer.dto';

/** Every field optional; `null` clears an optional one. The region of an employer does not change. */
export class UpdateEmployerDto extends OmitType(CreateEmployerDto, ['regionId'] as const) {}
