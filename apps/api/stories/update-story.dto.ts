import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateStoryDto } from './create-story.dto';

/** Every field optional; `null` clears an optional one. A story stays with its employer. */
export class UpdateStoryDto extends PartialType(OmitType(CreateStoryDto, ['employerId'] as const)) {}
