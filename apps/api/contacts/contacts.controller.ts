import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import { ContactService } from '@app/crm';
import type { BasisHistoryResponse, ContactResponse } from '@app/crm';
import type { Page } from '@app/core';
import { PageQueryDto } from '../organisations/page.query.dto';
import { UpdateContactDto } from './update-contact.dto';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactService) {}

  @Requires(Permission.ReadCrm)
  @Get(':id')
  get(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<ContactResponse> {
    return this.contacts.get(principal, id);
  }

  @Requires(Permission.WriteCrm)
  @Patch(':id')
  update(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateContactDto,
  ): Promise<ContactResponse> {
    return this.contacts.update(principal, id, body);
  }

  /** Deleting the primary contact makes the oldest remaining one primary. */
  @Requires(Permission.WriteCrm)
  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<void> {
    return this.contacts.delete(principal, id);
  }

  /** Every change of the e-mail basis, newest first (sort: at, -at). */
  @Requires(Permission.ReadCrm)
  @Get(':id/basis-history')
  basisHistory(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<BasisHistoryResponse>> {
    return this.contacts.basisHistory(principal, id, query);
  }
}
