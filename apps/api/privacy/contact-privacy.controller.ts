import { Controller, Get, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import { DataSubjectService, personExportCsv } from '@app/outreach';
import type { PersonExport, PrivacyStateResponse } from '@app/outreach';
import { respond } from '../reports/report-response';

const STATE = {
  description:
    '`{ contactId, regionId, restrictedAt, objectedAt, erasedAt, reviewDueAt, exitedEnrolments }` (docs/privacy.md)',
};

/**
 * Data-subject requests of one contact (api.md "Privacy (AVG)"): admins and coordinators, in their
 * own regions. Rectification is `PATCH /api/contacts/:id`. Every request is audited (`privacy.<request>`).
 */
@ApiTags('privacy')
@ApiBearerAuth()
@Requires(Permission.DataSubjectRequests)
@Controller('contacts')
export class ContactPrivacyController {
  constructor(private readonly requests: DataSubjectService) {}

  @Get(':id/export')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'Everything held about the person: `{ exportedAt, contact, privacy, emailBasisHistory, enrolments, sentMessages, inboundMessages, activities, suppressions, auditLog }`; `Accept: text/csv` gives `section,item,field,value` rows',
  })
  async export(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Req() request: Request,
  ): Promise<PersonExport | StreamableFile> {
    return respond(request, await this.requests.export(principal, id), personExportCsv, 'contact-export');
  }

  /** Restriction of processing: no more mail; running enrolments exit (`restricted`). */
  @Post(':id/restrict')
  @HttpCode(200)
  @ApiOkResponse(STATE)
  restrict(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<PrivacyStateResponse> {
    return this.requests.restrict(principal, id);
  }

  /** Objection: the address is suppressed in the contact's region; running enrolments exit (`suppressed`). */
  @Post(':id/object')
  @HttpCode(200)
  @ApiOkResponse(STATE)
  object(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<PrivacyStateResponse> {
    return this.requests.object(principal, id);
  }

  /** Erasure: name, address and phone leave every table; the address's keyed hash stays suppressed. */
  @Post(':id/erase')
  @HttpCode(200)
  @ApiOkResponse(STATE)
  erase(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<PrivacyStateResponse> {
    return this.requests.erase(principal, id);
  }
}
