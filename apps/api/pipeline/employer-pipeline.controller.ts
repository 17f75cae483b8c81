import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import { ActivityService, StageService, TimelineService } from '@app/crm';
import type { ActivityResponse, EmployerResponse, StageChangeResponse, TimelineItem } from '@app/crm';
import type { Page } from '@app/core';
import { PageQueryDto } from '../organisations/page.query.dto';
import { LogActivityDto } from './log-activity.dto';
import { MoveStageDto } from './move-stage.dto';

/** The relationship history of one employer: stage moves, activities, the merged timeline. */
@ApiTags('pipeline')
@ApiBearerAuth()
@Controller('employers')
export class EmployerPipelineController {
  constructor(
    private readonly stages: StageService,
    private readonly activities: ActivityService,
    private readonly timeline: TimelineService,
  ) {}

  /** A hand move; 409 names the rule of an illegal move, `override` needs coordinator or admin. */
  @Requires(Permission.WriteCrm)
  @Post(':id/stage')
  @HttpCode(200)
  moveStage(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: MoveStageDto,
  ): Promise<EmployerResponse> {
    return this.stages.moveByHand(principal, id, body);
  }

  /** Sort: at (default -at), recordedAt (the order the changes were written down). */
  @Requires(Permission.ReadCrm)
  @Get(':id/stage-history')
  stageHistory(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<StageChangeResponse>> {
    return this.stages.history(principal, id, query);
  }

  @Requires(Permission.WriteCrm)
  @Post(':id/activities')
  logActivity(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: LogActivityDto,
  ): Promise<ActivityResponse> {
    return this.activities.log(principal, id, body);
  }

  /** Activities, stage changes, tasks (at their due time) and later messages and replies; sort: at (default -at). */
  @Requires(Permission.ReadCrm)
  @Get(':id/timeline')
  timelineOf(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<TimelineItem>> {
    return this.timeline.list(principal, id, query);
  }
}
