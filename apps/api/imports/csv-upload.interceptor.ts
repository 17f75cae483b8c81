import { CallHandler, ExecutionContext, Inject, Injectable, mixin, NestInterceptor, Type } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { APP_CONFIG, DomainError } from '@app/core';
import type { AppConfig } from '@app/core';
import { fileTooLarge, ImportsService } from '@app/crm';
import type { ImportKind } from '@app/crm';
import { ImportStorageEngine } from './import-storage.engine';

export const CSV_FIELD = 'file';

/**
 * Reads a multipart upload with the CSV in field `file` and streams it into PostgreSQL
 * (`ImportStorageEngine`); the handler gets the stored file as `@UploadedFile()` (undefined when none
 * was sent). multer's and busboy's errors are answered in the api's error format.
 */
export function CsvUploadInterceptor(kind: ImportKind): Type<NestInterceptor> {
  @Injectable()
  class Interceptor implements NestInterceptor {
    private readonly upload: RequestHandler;

    constructor(
      imports: ImportsService,
      @Inject(APP_CONFIG) private readonly config: AppConfig,
    ) {
      this.upload = multer({
        storage: new ImportStorageEngine(imports, kind),
        limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10, parts: 20 },
      }).single(CSV_FIELD);
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const http = context.switchToHttp();
      await new Promise<void>((resolve, reject) =>
        this.upload(http.getRequest<Request>(), http.getResponse<Response>(), (error?: unknown) =>
          error ? reject(this.uploadError(error)) : resolve(),
        ),
      );
      return next.handle();
    }

    private uploadError(error: unknown): unknown {
      if (error instanceof multer.MulterError) {
        switch (error.code) {
          case 'LIMIT_FILE_SIZE':
            return fileTooLarge(this.config.uploadLimitBytes);
          case 'LIMIT_UNEXPECTED_FILE':
            return DomainError.invalid(CSV_FIELD, `send the CSV in the multipart field "${CSV_FIELD}"`);
          default:
            return DomainError.invalid(error.field ?? CSV_FIELD, `multipart: ${error.message}`);
        }
      }
      // busboy's own complaints about a malformed body; anything else (the database) stays a 500.
      if (error instanceof Error && MALFORMED_MULTIPART.test(error.message)) {
        return DomainError.invalid(CSV_FIELD, `multipart: ${error.message}`);
      }
      return error;
    }
  }
  return mixin(Interceptor);
}

const MALFORMED_MULTIPART =
  /^(Multipart: Boundary not found|Malformed part header|Unexpected end of (form|file)|Unsupported content type)/;
