import { PartialType } from '@nestjs/swagger';
import { CreateContactDto } from './create-contact.dto';

/** `primary: true` moves the primary mark here; `emailBasis: null` clears the basis (kept in its history). */
export class UpdateContactDto extends PartialType(CreateContactDto) {}
