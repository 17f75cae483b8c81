import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import { TrajectoryService } from '@app/crm';
import type { TrajectoryResponse } from '@app/crm';
import type { Page } from '@app/core';
import { CreateTrajectoryDto } from './create-trajectory.dto';
import { TrajectoryListQueryDto } from './trajectory-list.query.dto';
import { UpdateTrajectoryDto } from './update-trajectory.dto';

@ApiTags('trajectories')
@ApiBearerAuth()
@Controller('trajectories')
export class TrajectoriesController {
  constructor(private readonly trajectories: TrajectoryService) {}

  /** Also moves the employer's stage (sw_pilot, own_trajectory, structural), dated at `startedAt`. */
  @Requires(Permission.WriteCrm)
  @Post()
  create(@CurrentUser() principal: Principal, @Body() body: CreateTrajectoryDto): Promise<TrajectoryResponse> {
    return this.trajectories.create(principal, body);
  }

  @Requires(Permission.ReadCrm)
  @Get()
  list(@CurrentUser() principal: Principal, @Query() query: TrajectoryListQueryDto): Promise<Page<TrajectoryResponse>> {
    return this.trajectories.list(principal, query);
  }

  @Requires(Permission.ReadCrm)
  @Get(':id')
  get(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<TrajectoryResponse> {
    return this.trajectories.get(principal, id);
  }

  @Requires(Permission.WriteCrm)
  @Patch(':id')
  update(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateTrajectoryDto,
  ): Promise<TrajectoryResponse> {
    return this.trajectories.update(principal, id, body);
  }
}
