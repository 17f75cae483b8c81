import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import { TargetService } from '@app/crm';
import type { TargetResponse } from '@app/crm';
import type { Page } from '@app/core';
import { SaveTargetDto } from './save-target.dto';
import { TargetListQueryDto } from './target-list.query.dto';

/** A region's targets per period and metric; reports (issue 5) set the actuals beside them. */
@ApiTags('targets')
@ApiBearerAuth()
@Controller('targets')
export class TargetsController {
  constructor(private readonly targets: TargetService) {}

  @Requires(Permission.ManageTargets)
  @Post()
  @ApiCreatedResponse({ description: 'A new target' })
  @ApiOkResponse({ description: 'Replaced the target for the same region, period and metric' })
  async save(
    @CurrentUser() principal: Principal,
    @Body() body: SaveTargetDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TargetResponse> {
    const saved = await this.targets.save(principal, body);
    response.status(saved.inserted ? 201 : 200);
    return saved.target;
  }

  @Requires(Permission.ReadCrm)
  @Get()
  list(@CurrentUser() principal: Principal, @Query() query: TargetListQueryDto): Promise<Page<TargetResponse>> {
    return this.targets.list(principal, query);
  }

  @Requires(Permission.ManageTargets)
  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<void> {
    return this.targets.delete(principal, id);
  }
}
