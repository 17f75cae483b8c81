import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';
import { Allow, IsOptional, IsString, MaxLength } from 'class-validator';
import { CONTACT_SCOPES, EXIT_STAGES } from '@app/outreach';

const STEPS_PROPERTY: ApiPropertyOptions = {
  type: 'array',
  items: {
    oneOf: [
      {
        type: 'object',
        properties: { type: { enum: ['email'] }, templateId: { type: 'string', format: 'uuid' } },
        required: ['type', 'templateId'],
      },
      {
        type: 'object',
        properties: {
          type: { enum: ['wait'] },
          duration: { type: 'string', example: 'P3D', description: 'ISO-8601 days and time (P3D, PT2S, P1DT12H)' },
          calendar: { enum: ['working-days', 'calendar-days'], default: 'working-days' },
        },
        required: ['type', 'duration'],
      },
      {
        type: 'object',
        properties: { type: { enum: ['task'] }, title: { type: 'string', maxLength: 200 } },
        required: ['type', 'title'],
      },
    ],
  },
  description: 'Ordered; the first step is an email. Errors name the path, e.g. steps[1].duration',
};

/**
 * Types only; the service checks the region scope and references first (404), then every field (400,
 * named by path, e.g. `steps[1].duration`).
 */
export class CreateCampaignDto {
  @ApiProperty({ example: 'Voorjaar 2027 zorg', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  name?: string;

  @ApiProperty({ format: 'uuid' })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiProperty({ format: 'uuid', description: 'A segment of the same region' })
  @IsOptional()
  @IsString()
  segmentId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Default: the caller. An active account manager, coordinator or admin of the region',
  })
  @IsOptional()
  @IsString()
  senderId?: string;

  @ApiProperty(STEPS_PROPERTY)
  @Allow()
  steps?: unknown[];

  @ApiPropertyOptional({ enum: CONTACT_SCOPES, default: 'primary' })
  @IsOptional()
  @IsString()
  contactScope?: string;

  @ApiPropertyOptional({ enum: EXIT_STAGES, default: 'interested' })
  @IsOptional()
  @IsString()
  exitStage?: string;

  @ApiPropertyOptional({
    type: 'object',
    nullable: true,
    properties: {
      days: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 7 } },
      from: { type: 'string', example: '09:00' },
      to: { type: 'string', example: '17:00', description: 'Exclusive; 24:00 is the end of the day' },
    },
    default: { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' },
    description: 'Europe/Amsterdam; never on Dutch public holidays or region closing days. null sends at any time',
  })
  @Allow()
  sendWindow?: object | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 100000, description: 'Default: no cap' })
  @Allow()
  maxPerHour?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'In the future; the launch action schedules the campaign for this time',
  })
  @IsOptional()
  @IsString()
  launchAt?: string | null;
}
