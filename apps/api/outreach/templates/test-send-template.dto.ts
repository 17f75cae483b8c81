import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class TestSendTemplateDto {
  @ApiPropertyOptional({
    format: 'email',
    description: "Test mails go to oneself only: left out, or the caller's own address (else 400)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  to?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Render against this contact of the caller's regions; left out: placeholder values",
  })
  @IsOptional()
  @IsString()
  contactId?: string;
}
