import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import type { Page } from '@app/core';
import { TemplatePreviewService, TemplateService } from '@app/outreach';
import type {
  RenderedMessage,
  TemplateResponse,
  TemplateSummary,
  TemplateVersionResponse,
  TestSendAccepted,
} from '@app/outreach';
import { PageQueryDto } from '../../organisations/page.query.dto';
import { CreateTemplateDto } from './create-template.dto';
import { PreviewTemplateDto } from './preview-template.dto';
import { TemplateListQueryDto } from './template-list.query.dto';
import { TestSendTemplateDto } from './test-send-template.dto';
import { UpdateTemplateDto } from './update-template.dto';

/** E-mail templates with versions; previews and test-sends to oneself. */
@ApiTags('templates')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(
    private readonly templates: TemplateService,
    private readonly previews: TemplatePreviewService,
  ) {}

  @Requires(Permission.WriteOutreach)
  @Post()
  create(@CurrentUser() principal: Principal, @Body() body: CreateTemplateDto): Promise<TemplateResponse> {
    return this.templates.create(principal, body);
  }

  /** National templates and those of the caller's regions, without the bodies. */
  @Requires(Permission.ReadOutreach)
  @Get()
  list(@CurrentUser() principal: Principal, @Query() query: TemplateListQueryDto): Promise<Page<TemplateSummary>> {
    return this.templates.list(principal, query);
  }

  @Requires(Permission.ReadOutreach)
  @Get(':id')
  get(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<TemplateResponse> {
    return this.templates.get(principal, id);
  }

  /** Every version, newest first (`sort=version` for oldest first). */
  @Requires(Permission.ReadOutreach)
  @Get(':id/versions')
  versions(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<TemplateVersionResponse>> {
    return this.templates.versions(principal, id, query);
  }

  @Requires(Permission.ReadOutreach)
  @Get(':id/versions/:version')
  version(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Param('version') version: string,
  ): Promise<TemplateVersionResponse> {
    return this.templates.version(principal, id, version);
  }

  /** A change of subject, html or text adds a version; a running campaign keeps the one it launched with. */
  @Requires(Permission.WriteOutreach)
  @Patch(':id')
  update(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateTemplateDto,
  ): Promise<TemplateResponse> {
    return this.templates.update(principal, id, body);
  }

  @Requires(Permission.WriteOutreach)
  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<void> {
    return this.templates.delete(principal, id);
  }

  @Requires(Permission.PreviewTemplates)
  @Post(':id/preview')
  @HttpCode(200)
  preview(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: PreviewTemplateDto,
  ): Promise<RenderedMessage> {
    return this.previews.preview(principal, id, body);
  }

  /** Queued; the worker mails the current version to the caller, with "[TEST] " before the subject. */
  @Requires(Permission.PreviewTemplates)
  @Post(':id/test-send')
  @HttpCode(202)
  testSend(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: TestSendTemplateDto,
  ): Promise<TestSendAccepted> {
    return this.previews.testSend(principal, id, body);
  }
}
