import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import { ContactService, NetworkService, PartnerService } from '@app/crm';
import type { ContactResponse, NetworkLinkResponse, PartnerResponse } from '@app/crm';
import type { Page } from '@app/core';
import { CreateContactDto } from '../contacts/create-contact.dto';
import { CreateNetworkLinkDto } from './create-network-link.dto';
import { CreateOrganisationDto } from './create-organisation.dto';
import { NetworkListQueryDto } from './network-list.query.dto';
import { OrganisationListQueryDto } from './organisation-list.query.dto';
import { PageQueryDto } from './page.query.dto';
import { UpdateOrganisationDto } from './update-organisation.dto';

/** Partner organisations (every kind but employer, which lives at /api/employers), their contacts and networks. */
@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly partners: PartnerService,
    private readonly contacts: ContactService,
    private readonly network: NetworkService,
  ) {}

  @Requires(Permission.WriteCrm)
  @Post()
  create(@CurrentUser() principal: Principal, @Body() body: CreateOrganisationDto): Promise<PartnerResponse> {
    return this.partners.create(principal, body);
  }

  @Requires(Permission.ReadCrm)
  @Get()
  list(@CurrentUser() principal: Principal, @Query() query: OrganisationListQueryDto): Promise<Page<PartnerResponse>> {
    return this.partners.list(principal, query);
  }

  @Requires(Permission.ReadCrm)
  @Get(':id')
  get(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<PartnerResponse> {
    return this.partners.get(principal, id);
  }

  @Requires(Permission.WriteCrm)
  @Patch(':id')
  update(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateOrganisationDto,
  ): Promise<PartnerResponse> {
    return this.partners.update(principal, id, body);
  }

  @Requires(Permission.WriteCrm)
  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<void> {
    return this.partners.delete(principal, id);
  }

  @Requires(Permission.WriteCrm)
  @Post(':id/contacts')
  addContact(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: CreateContactDto,
  ): Promise<ContactResponse> {
    return this.contacts.create(principal, id, 'partner', body);
  }

  @Requires(Permission.ReadCrm)
  @Get(':id/contacts')
  listContacts(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ContactResponse>> {
    return this.contacts.list(principal, id, 'partner', query);
  }

  /** Only an SW-bedrijf has a network (else 409); the employer must be of the same region (else 404). */
  @Requires(Permission.WriteCrm)
  @Post(':id/network')
  link(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: CreateNetworkLinkDto,
  ): Promise<NetworkLinkResponse> {
    return this.network.link(principal, id, body);
  }

  @Requires(Permission.ReadCrm)
  @Get(':id/network')
  listNetwork(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Query() query: NetworkListQueryDto,
  ): Promise<Page<NetworkLinkResponse>> {
    return this.network.list(principal, id, query);
  }

  /** Ends the active link today; the link stays in the history (`?includeEnded=true`). */
  @Requires(Permission.WriteCrm)
  @Delete(':id/network/:employerId')
  @HttpCode(204)
  unlink(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Param('employerId') employerId: string,
  ): Promise<void> {
    return this.network.end(principal, id, employerId);
  }
}
