import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SbiCatalogue } from '@app/crm';
import type { SbiSectionResponse } from '@app/crm';
import type { Page } from '@app/core';
import { SbiSectionsQueryDto } from './sbi-sections.query.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('sbi-sections')
export class SbiSectionsController {
  constructor(private readonly sbi: SbiCatalogue) {}

  /** Sort: version, section, name. */
  @Get()
  list(@Query() query: SbiSectionsQueryDto): Promise<Page<SbiSectionResponse>> {
    return this.sbi.list(query);
  }
}
