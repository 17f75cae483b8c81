import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import type { Page } from '@app/core';
import { CampaignLaunchService, EnrolmentService, LaunchPreviewService } from '@app/outreach';
import type { CampaignLaunchPreview, CampaignResponse, EnrolmentResponse } from '@app/outreach';
import { EnrolmentListQueryDto } from './enrolment-list.query.dto';

/** The launch of a campaign, its preview, and its enrolments. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignLaunchController {
  constructor(
    private readonly launches: CampaignLaunchService,
    private readonly previews: LaunchPreviewService,
    private readonly enrolments: EnrolmentService,
  ) {}

  @Requires(Permission.WriteOutreach)
  @Post(':id/launch')
  @HttpCode(202)
  launch(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<CampaignResponse> {
    return this.launches.launch(principal, id);
  }

  @Requires(Permission.ReadOutreach)
  @Get(':id/preview')
  preview(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<CampaignLaunchPreview> {
    return this.previews.preview(principal, id);
  }

  @Requires(Permission.ReadOutreach)
  @Get(':id/enrolments')
  enrolmentList(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Query() query: EnrolmentListQueryDto,
  ): Promise<Page<EnrolmentResponse>> {
    return this.enrolments.list(principal, id, query);
  }

  @Requires(Permission.RemoveEnrolment)
  @Delete(':id/enrolments/:contactId')
  @HttpCode(204)
  removeEnrolment(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Param('contactId') contactId: string,
  ): Promise<void> {
    return this.enrolments.remove(principal, id, contactId);
  }
}
