import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { ENROLMENT_SORT_FIELDS, ENROLMENT_STATUSES } from '@app/outreach';
import { PageQueryDto } from '../../organisations/page.query.dto';

/** Filter of `GET /api/campaigns/:id/enrolments`; checked by the service. */
export class EnrolmentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ENROLMENT_STATUSES,
    description: `Sort: ${ENROLMENT_SORT_FIELDS.join(', ')} (default createdAt)`,
  })
  @IsOptional()
  @IsString()
  status?: string;
}
