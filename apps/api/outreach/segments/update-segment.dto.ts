import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateSegmentDto } from './create-segment.dto';

/** `name` and/or `filter`; a segment stays in its region (`regionId` is a 400). */
export class UpdateSegmentDto extends PartialType(OmitType(CreateSegmentDto, ['regionId'] as const)) {}
