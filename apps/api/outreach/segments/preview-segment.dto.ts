import { OmitType } from '@nestjs/swagger';
import { CreateSegmentDto } from './create-segment.dto';

/** A filter being edited: `{ regionId, filter }`, previewed without saving. */
export class PreviewSegmentDto extends OmitType(CreateSegmentDto, ['name'] as const) {}
