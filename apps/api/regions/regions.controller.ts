import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import { RegionService } from '@app/crm';
import type { RegionResponse, RegionSettings } from '@app/crm';
import type { Page } from '@app/core';
import { PageQueryDto } from '../organisations/page.query.dto';
import { UpdateRegionSettingsDto } from './update-region-settings.dto';

/** The 35 arbeidsmarktregio's (any signed-in user) and each region's sending settings. */
@ApiTags('reference data')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionService) {}

  /** Sort: code, name. */
  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<RegionResponse>> {
    return this.regions.list(query);
  }

  @Requires(Permission.ReadCrm)
  @Get(':id/settings')
  settings(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<RegionSettings> {
    return this.regions.settings(principal, id);
  }

  @Requires(Permission.RegionSettings)
  @Patch(':id/settings')
  updateSettings(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateRegionSettingsDto,
  ): Promise<RegionSettings> {
    return this.regions.updateSettings(principal, id, body);
  }
}
