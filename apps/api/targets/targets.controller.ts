import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import { TargetService } from '@app/crm';
import type { TargetResponse } from '@app/crm';
import type { Page } from '@app/core';
import { CreatedOrReplacedInterceptor } from './created-or-replaced.interceptor';
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
  @UseInterceptors(CreatedOrReplacedInterceptor)
  @ApiCreatedResponse({ description: 'A new target' })
  @ApiOkResponse({ description: 'Replaced the target for the same region, period and metric' })
  save(
    @CurrentUser() principal: Principal,
    @Body() body: SaveTargetDto,
  ): Promise<{ created: boolean; target: TargetResponse }> {
    return this.targets.save(principal, body);
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
