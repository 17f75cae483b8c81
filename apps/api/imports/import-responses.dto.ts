import { ApiProperty } from '@nestjs/swagger';

// OpenAPI descriptions of the import responses (the service returns plain objects of this shape).

export class ImportAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  importId: string;
}

export class ImportRowErrorDto {
  @ApiProperty({ description: "The file's line number (the header is line 1)", example: 3 })
  row: number;

  @ApiProperty({ example: 'kvkNumber' })
  field: string;

  @ApiProperty({ example: 'must be exactly 8 digits' })
  problem: string;
}

export class ImportViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['employers', 'trajectories'] })
  kind: string;

  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] })
  status: string;

  @ApiProperty({ nullable: true, type: String })
  filename: string | null;

  @ApiProperty({ description: 'Data rows in the file; known once the worker has read it through (0 while queued)' })
  total: number;

  @ApiProperty({ description: 'Rows handled so far (grows batch by batch while running)' })
  processed: number;

  @ApiProperty()
  created: number;

  @ApiProperty()
  updated: number;

  @ApiProperty()
  unchanged: number;

  @ApiProperty({ description: 'Rows with at least one error (nothing of such a row is applied)' })
  failed: number;

  @ApiProperty({ nullable: true, type: String, description: 'Why the import failed as a whole' })
  message: string | null;

  @ApiProperty({
    type: [ImportRowErrorDto],
    description: 'Ordered by row; at most the first 1000 (all of them: GET /api/imports/{id}/errors)',
  })
  errors: ImportRowErrorDto[];

  @ApiProperty({ description: 'All row errors, also those beyond the inline list' })
  errorsTotal: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  startedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finishedAt: string | null;
}

export class ImportErrorPageDto {
  @ApiProperty({ type: [ImportRowErrorDto], description: 'Ordered by row' })
  items: ImportRowErrorDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}
