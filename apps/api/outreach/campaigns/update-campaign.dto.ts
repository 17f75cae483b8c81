import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateCampaignDto } from './create-campaign.dto';

/** Every field optional; only a draft or scheduled campaign changes. A campaign stays in its region. */
export class UpdateCampaignDto extends PartialType(OmitType(CreateCampaignDto, ['regionId'] as const)) {}
