import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import { MboMatchService } from '@app/crm';
import type { MboMatchResponse } from '@app/crm';
import type { Page } from '@app/core';
import { PageQueryDto } from '../organisations/page.query.dto';

@ApiTags('employers')
@ApiBearerAuth()
@Controller('employers')
export class MboMatchesController {
  constructor(private readonly matches: MboMatchService) {}

  /**
   * MBO schools of the employer's region with a diploma-erkenning for its sector (same SBI version by
   * section; the other version by the division of the employer's SBI code). Sort: name.
   */
  @Requires(Permission.ReadCrm)
  @Get(':id/mbo-matches')
  list(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<MboMatchResponse>> {
    return this.matches.list(principal, id, query);
  }
}
