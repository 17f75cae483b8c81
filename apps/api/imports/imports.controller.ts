import { Controller, Get, HttpCode, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import { ImportJobName, ImportsService } from '@app/crm';
// Type-only: decorated parameters would otherwise emit runtime references to interfaces (ESM).
import type { Principal } from '@app/auth';
import type { Page } from '@app/core';
import type { ImportAccepted, ImportRowError, ImportView, StoredCsvFile } from '@app/crm';
import { PageQueryDto } from '../organisations/page.query.dto';
import { CsvUploadInterceptor } from './csv-upload.interceptor';
import { ImportAcceptedDto, ImportErrorPageDto, ImportViewDto } from './import-responses.dto';

/** CSV imports run on the `import` queue; the upload only stores (streamed, in chunks) and queues the file. */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Requires(Permission.Import)
  @Post('employers')
  @HttpCode(202)
  @UseInterceptors(CsvUploadInterceptor(ImportJobName.Employers))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description:
      'CSV (`,` or `;`, UTF-8 with or without BOM) with a header row; columns name, kvkNumber, regionCode ' +
      '(required), sbiCode, sbiVersion, sizeClass, postcode, city, website, tags, contactFirstName, contactLastName, ' +
      'contactEmail, contactPhone, contactRole, contactEmailBasis, contactEmailBasisSource. Larger than UPLOAD_MAX_BYTES: 413. ' +
      'Another multipart field name than `file`: 400.',
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiAcceptedResponse({ type: ImportAcceptedDto })
  upload(@UploadedFile() file: StoredCsvFile | undefined): Promise<ImportAccepted> {
    return this.imports.uploadEmployers(file);
  }

  @Requires(Permission.Import)
  @Post('trajectories')
  @HttpCode(202)
  @UseInterceptors(CsvUploadInterceptor(ImportJobName.Trajectories))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description:
      'Historic trajectories: CSV (`,` or `;`, UTF-8 with or without BOM) with a header row; columns kvkNumber, ' +
      'regionCode, route, candidateRef, startedAt (required), status, praktijkverklaringAt, outcome, crebo, ' +
      'werkprocessen, forOwnEmployee, hostKvkNumber, hostName, mboKvkNumber, mboName. Rows upsert by (employer, ' +
      'candidateRef, startedAt); the employer must exist in the region. Stage changes are dated at each startedAt.',
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiAcceptedResponse({ type: ImportAcceptedDto })
  uploadTrajectories(@UploadedFile() file: StoredCsvFile | undefined): Promise<ImportAccepted> {
    return this.imports.uploadTrajectories(file);
  }

  @Requires(Permission.Import)
  @Get(':id')
  @ApiOkResponse({ type: ImportViewDto })
  get(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<ImportView> {
    return this.imports.get(principal, id);
  }

  /** Every row error of the import, ordered by row (the import view lists the first 1000 only). */
  @Requires(Permission.Import)
  @Get(':id/errors')
  @ApiOkResponse({ type: ImportErrorPageDto })
  errors(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ImportRowError>> {
    return this.imports.errors(principal, id, query);
  }
}
