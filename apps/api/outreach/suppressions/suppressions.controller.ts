import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import type { Page } from '@app/core';
import { SuppressionService } from '@app/outreach';
import type { SuppressionResponse } from '@app/outreach';
import { CreateSuppressionDto } from './create-suppression.dto';
import { SuppressionListQueryDto } from './suppression-list.query.dto';

/** `/api/suppressions`: addresses no campaign mails (in one region, or everywhere). */
@ApiTags('suppressions')
@ApiBearerAuth()
@Controller('suppressions')
export class SuppressionsController {
  constructor(private readonly suppressions: SuppressionService) {}

  @Requires(Permission.ManageSuppressions)
  @Get()
  list(
    @CurrentUser() principal: Principal,
    @Query() query: SuppressionListQueryDto,
  ): Promise<Page<SuppressionResponse>> {
    return this.suppressions.list(principal, query);
  }

  @Requires(Permission.ManageSuppressions)
  @Post()
  create(@CurrentUser() principal: Principal, @Body() body: CreateSuppressionDto): Promise<SuppressionResponse> {
    return this.suppressions.add(principal, body);
  }

  @Requires(Permission.LiftSuppression)
  @Delete(':id')
  @HttpCode(204)
  lift(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<void> {
    return this.suppressions.lift(principal, id);
  }
}
