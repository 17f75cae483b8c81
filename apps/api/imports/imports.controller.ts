import { Controller, Get, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import { ImportsService } from '@app/crm';
// Type-only: decorated parameters would otherwise emit runtime references to interfaces (ESM).
import type { Principal } from '@app/auth';
import type { ImportAccepted, ImportView, UploadedCsvFile } from '@app/crm';
import { ImportAcceptedDto, ImportViewDto } from './import-responses.dto';

/** CSV imports run on the `import` queue; the upload only stores and queues the file. */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Requires(Permission.Import)
  @Post('employers')
  @HttpCode(202)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description:
      'CSV (`,` or `;`, UTF-8 with or without BOM) with a header row; columns name, kvkNumber, regionCode ' +
      '(required), sbiCode, sbiVersion, sizeClass, postcode, city, website, tags, contactFirstName, contactLastName, ' +
      'contactEmail, contactPhone, contactRole, contactEmailBasis, contactEmailBasisSource. Larger than UPLOAD_MAX_BYTES: 413.',
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiAcceptedResponse({ type: ImportAcceptedDto })
  upload(
    @CurrentUser() principal: Principal,
    @UploadedFile() file: UploadedCsvFile | undefined,
  ): Promise<ImportAccepted> {
    return this.imports.uploadEmployers(principal, file);
  }

  @Requires(Permission.Import)
  @Post('trajectories')
  @HttpCode(202)
  @UseInterceptors(FileInterceptor('file'))
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
  uploadTrajectories(
    @CurrentUser() principal: Principal,
    @UploadedFile() file: UploadedCsvFile | undefined,
  ): Promise<ImportAccepted> {
    return this.imports.uploadTrajectories(principal, file);
  }

  @Requires(Permission.Import)
  @Get(':id')
  @ApiOkResponse({ type: ImportViewDto })
  get(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<ImportView> {
    return this.imports.get(principal, id);
  }
}
