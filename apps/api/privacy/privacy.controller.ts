import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import type { Page } from '@app/core';
import { PrivacyQueryService } from '@app/outreach';
import type { RetentionRunResponse, ReviewItem } from '@app/outreach';
import { PageQueryDto } from '../organisations/page.query.dto';
import { ReviewQueryDto } from './review-query.dto';

/** What the retention job leaves for people (docs/privacy.md "Retention"): admins and coordinators. */
@ApiTags('privacy')
@ApiBearerAuth()
@Requires(Permission.DataSubjectRequests)
@Controller('privacy')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyQueryService) {}

  /** Contacts of employers without activity for RETENTION_INACTIVE_CONTACT_DAYS: keep, update or erase. */
  @Get('reviews')
  @ApiOkResponse({ description: 'List of `{ contactId, organisationId, regionId, reviewDueAt }`' })
  reviews(@CurrentUser() principal: Principal, @Query() query: ReviewQueryDto): Promise<Page<ReviewItem>> {
    return this.privacy.reviews(principal, query);
  }

  /** The contact was reviewed and stays as it is: the flag clears for one inactivity period. */
  @Post('reviews/:contactId/keep')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Flag cleared (or the contact was not flagged)' })
  keep(@CurrentUser() principal: Principal, @Param('contactId') contactId: string): Promise<void> {
    return this.privacy.keep(principal, contactId);
  }

  /** What each nightly retention run changed (counts only). */
  @Get('retention-runs')
  @ApiOkResponse({ description: 'List of `{ id, ranAt, settings, summary }`, newest first' })
  runs(@Query() query: PageQueryDto): Promise<Page<RetentionRunResponse>> {
    return this.privacy.runs(query);
  }
}
