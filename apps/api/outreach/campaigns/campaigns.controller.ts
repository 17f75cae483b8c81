import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import type { Page } from '@app/core';
import { CampaignService, CampaignStateService } from '@app/outreach';
import type { CampaignResponse } from '@app/outreach';
import { CampaignListQueryDto } from './campaign-list.query.dto';
import { CreateCampaignDto } from './create-campaign.dto';
import { UpdateCampaignDto } from './update-campaign.dto';

/** Campaign definitions and their state actions; `POST /:id/launch` belongs to the sending side. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly states: CampaignStateService,
  ) {}

  @Requires(Permission.WriteOutreach)
  @Post()
  create(@CurrentUser() principal: Principal, @Body() body: CreateCampaignDto): Promise<CampaignResponse> {
    return this.campaigns.create(principal, body);
  }

  @Requires(Permission.ReadOutreach)
  @Get()
  list(@CurrentUser() principal: Principal, @Query() query: CampaignListQueryDto): Promise<Page<CampaignResponse>> {
    return this.campaigns.list(principal, query);
  }

  @Requires(Permission.ReadOutreach)
  @Get(':id')
  get(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<CampaignResponse> {
    return this.campaigns.get(principal, id);
  }

  @Requires(Permission.WriteOutreach)
  @Patch(':id')
  update(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateCampaignDto,
  ): Promise<CampaignResponse> {
    return this.campaigns.update(principal, id, body);
  }

  @Requires(Permission.WriteOutreach)
  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<void> {
    return this.campaigns.delete(principal, id);
  }

  @Requires(Permission.WriteOutreach)
  @Post(':id/pause')
  @HttpCode(200)
  pause(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<CampaignResponse> {
    return this.states.apply(principal, id, 'pause');
  }

  @Requires(Permission.WriteOutreach)
  @Post(':id/resume')
  @HttpCode(200)
  resume(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<CampaignResponse> {
    return this.states.apply(principal, id, 'resume');
  }

  @Requires(Permission.WriteOutreach)
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<CampaignResponse> {
    return this.states.apply(principal, id, 'cancel');
  }
}
