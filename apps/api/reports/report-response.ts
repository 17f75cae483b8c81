import { StreamableFile } from '@nestjs/common';
import type { Request } from 'express';

/** CSV when the path ends in `.csv` or the client prefers `text/csv` over JSON; else the report as JSON. */
export function wantsCsv(request: Request): boolean {
  return request.path.endsWith('.csv') || request.accepts(['application/json', 'text/csv']) === 'text/csv';
}

export function respond<T>(
  request: Request,
  report: T,
  toCsv: (report: T) => string,
  name: string,
): T | StreamableFile {
  if (!wantsCsv(request)) return report;
  return new StreamableFile(Buffer.from(toCsv(report), 'utf8'), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}.csv"`,
  });
}
