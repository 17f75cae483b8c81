import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import { AuditLogService } from '@app/crm';
import type { AuditLogEntry } from '@app/crm';
import type { Page } from '@app/core';
import { AuditQueryDto } from './audit-query.dto';

/** Who changed what; admins see every region, coordinators their own. Newest first. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  @Requires(Permission.ReadAudit)
  @Get()
  list(@CurrentUser() principal: Principal, @Query() query: AuditQueryDto): Promise<Page<AuditLogEntry>> {
    return this.audit.list(principal, query);
  }
}
