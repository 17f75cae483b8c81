import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import { StoryService } from '@app/crm';
import type { StoryResponse } from '@app/crm';
import type { Page } from '@app/core';
import { CreateStoryDto } from './create-story.dto';
import { StoryListQueryDto } from './story-list.query.dto';
import { UpdateStoryDto } from './update-story.dto';

/** Success stories (praktijkvoorbeelden); a usable story of a structural employer makes it an ambassador. */
@ApiTags('stories')
@ApiBearerAuth()
@Controller('stories')
export class StoriesController {
  constructor(private readonly stories: StoryService) {}

  @Requires(Permission.WriteCrm)
  @Post()
  create(@CurrentUser() principal: Principal, @Body() body: CreateStoryDto): Promise<StoryResponse> {
    return this.stories.create(principal, body);
  }

  @Requires(Permission.ReadCrm)
  @Get()
  list(@CurrentUser() principal: Principal, @Query() query: StoryListQueryDto): Promise<Page<StoryResponse>> {
    return this.stories.list(principal, query);
  }

  @Requires(Permission.ReadCrm)
  @Get(':id')
  get(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<StoryResponse> {
    return this.stories.get(principal, id);
  }

  @Requires(Permission.WriteCrm)
  @Patch(':id')
  update(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateStoryDto,
  ): Promise<StoryResponse> {
    return this.stories.update(principal, id, body);
  }

  @Requires(Permission.WriteCrm)
  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<void> {
    return this.stories.delete(principal, id);
  }
}
