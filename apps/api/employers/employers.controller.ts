import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import { ContactService, EmployerExportService, EmployerService } from '@app/crm';
import type { ContactResponse, EmployerResponse } from '@app/crm';
import type { Page } from '@app/core';
import { CreateContactDto } from '../contacts/create-contact.dto';
import { PageQueryDto } from '../organisations/page.query.dto';
import { CreateEmployerDto } from './create-employer.dto';
import { EmployerListQueryDto } from './employer-list.query.dto';
import { UpdateEmployerDto } from './update-employer.dto';

@ApiTags('employers')
@ApiBearerAuth()
@Controller('employers')
export class EmployersController {
  constructor(
    private readonly employers: EmployerService,
    private readonly exporter: EmployerExportService,
    private readonly contacts: ContactService,
  ) {}

  /** The filtered list as CSV in the import's format (streamed; formula cells neutralised). */
  @Requires(Permission.ReadCrm)
  @ApiProduces('text/csv')
  @Get('export.csv')
  async export(@CurrentUser() principal: Principal, @Query() query: EmployerListQueryDto): Promise<StreamableFile> {
    const chunks = await this.exporter.open(principal, query);
    return new StreamableFile(Readable.from(chunks), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="employers.csv"',
    });
  }

  @Requires(Permission.WriteCrm)
  @Post()
  create(@CurrentUser() principal: Principal, @Body() body: CreateEmployerDto): Promise<EmployerResponse> {
    return this.employers.create(principal, body);
  }

  @Requires(Permission.ReadCrm)
  @Get()
  list(@CurrentUser() principal: Principal, @Query() query: EmployerListQueryDto): Promise<Page<EmployerResponse>> {
    return this.employers.list(principal, query);
  }

  @Requires(Permission.ReadCrm)
  @Get(':id')
  get(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<EmployerResponse> {
    return this.employers.get(principal, id);
  }

  @Requires(Permission.WriteCrm)
  @Patch(':id')
  update(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateEmployerDto,
  ): Promise<EmployerResponse> {
    return this.employers.update(principal, id, body);
  }

  @Requires(Permission.WriteCrm)
  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<void> {
    return this.employers.delete(principal, id);
  }

  @Requires(Permission.WriteCrm)
  @Post(':id/contacts')
  addContact(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: CreateContactDto,
  ): Promise<ContactResponse> {
    return this.contacts.create(principal, id, 'employer', body);
  }

  /** Sort: lastName, firstName, email, primary, createdAt (default: primary first, then last name). */
  @Requires(Permission.ReadCrm)
  @Get(':id/contacts')
  listContacts(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ContactResponse>> {
    return this.contacts.list(principal, id, 'employer', query);
  }
}
