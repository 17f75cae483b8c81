import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

const RULES =
  'Handlebars. Variables: contact.firstName, contact.lastName, employer.name, employer.city, region.name, ' +
  'sender.name, sender.email, sender.phone, wsp.name, wsp.postalAddress, unsubscribeUrl (inside {{#with}} and ' +
  '{{#each}} also this, ../ paths, @root, @key, @index and block parameters). Helpers: if, unless, each, with, ' +
  'eq (two arguments; block or sub-expression), formatDate (a YYYY-MM-DD date or none for today; "d MMMM yyyy" ' +
  'in Dutch). Partial: {{> story}}. Raw output ({{{ }}}, {{& }}), other helpers, partials and decorators are a ' +
  '422 naming the field and line; so is active content in the HTML (<script>, frames, forms, on…= handlers, ' +
  'javascript: links, <meta http-equiv="refresh">).';

/** Types only; the service checks the region (403/404), then required fields (400), then the template rules (422). */
export class CreateTemplateDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Required. `null` makes a national template, readable by all regions (admins only, else 403)',
  })
  @IsOptional()
  @IsString()
  regionId?: string | null;

  @ApiProperty({ example: 'Kennismaking praktijkleren', maxLength: 200, description: 'Unique within the region' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  name?: string;

  @ApiProperty({ example: 'Praktijkleren bij {{employer.name}}?', maxLength: 500, description: `One line. ${RULES}` })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  subject?: string;

  @ApiProperty({
    example: '<p>Beste {{contact.firstName}},</p>{{> story}}',
    maxLength: 200000,
    description: `HTML body; every value is HTML-escaped. A footer with the WSP's name, postal address and unsubscribe link is always added. ${RULES}`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(400000)
  html?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 100000,
    description: 'Plain-text body; left out or null: generated from the HTML',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200000)
  text?: string | null;
}
