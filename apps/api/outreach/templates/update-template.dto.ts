import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateTemplateDto } from './create-template.dto';

/** Every field optional; a changed subject, html or text adds a version. A template keeps its region. */
export class UpdateTemplateDto extends PartialType(OmitType(CreateTemplateDto, ['regionId'] as const)) {}
