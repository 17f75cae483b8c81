import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import type { Page } from '@app/core';
import { SegmentService } from '@app/outreach';
import type { SegmentPreview, SegmentResponse } from '@app/outreach';
import { CreateSegmentDto } from './create-segment.dto';
import { PreviewSegmentDto } from './preview-segment.dto';
import { SegmentListQueryDto } from './segment-list.query.dto';
import { UpdateSegmentDto } from './update-segment.dto';

/** Segments: saved filters selecting the employers of one region. */
@ApiTags('segments')
@ApiBearerAuth()
@Controller('segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentService) {}

  @Requires(Permission.WriteOutreach)
  @Post()
  create(@CurrentUser() principal: Principal, @Body() body: CreateSegmentDto): Promise<SegmentResponse> {
    return this.segments.create(principal, body);
  }

  /** `{ total, sample }` of a filter being edited, without saving it. */
  @Requires(Permission.ReadOutreach)
  @Post('preview')
  @HttpCode(200)
  previewDraft(@CurrentUser() principal: Principal, @Body() body: PreviewSegmentDto): Promise<SegmentPreview> {
    return this.segments.previewDraft(principal, body);
  }

  @Requires(Permission.ReadOutreach)
  @Get()
  list(@CurrentUser() principal: Principal, @Query() query: SegmentListQueryDto): Promise<Page<SegmentResponse>> {
    return this.segments.list(principal, query);
  }

  @Requires(Permission.ReadOutreach)
  @Get(':id')
  get(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<SegmentResponse> {
    return this.segments.get(principal, id);
  }

  /** The number of matching employers and the first 20 by name. */
  @Requires(Permission.ReadOutreach)
  @Get(':id/preview')
  preview(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<SegmentPreview> {
    return this.segments.preview(principal, id);
  }

  @Requires(Permission.WriteOutreach)
  @Patch(':id')
  update(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateSegmentDto,
  ): Promise<SegmentResponse> {
    return this.segments.update(principal, id, body);
  }

  @Requires(Permission.WriteOutreach)
  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<void> {
    return this.segments.delete(principal, id);
  }
}
