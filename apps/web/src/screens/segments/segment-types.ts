import type { SizeClass, Stage } from '../../api/models';
import type { ApiGroup } from './segment-filter-form';

/** `GET /api/segments/:id` (libs/outreach segment.types.ts). */
export interface Segment {
  id: string;
  regionId: string;
  name: string;
  filter: ApiGroup;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An employer as a segment preview lists it. */
export interface SegmentEmployer {
  id: string;
  name: string;
  city: string | null;
  stage: Stage;
  sbiSection: string | null;
  sizeClass: SizeClass | null;
  tags: string[];
}

/** `POST /api/segments/preview` and `GET /api/segments/:id/preview`: the count and the first 20 by name. */
export interface SegmentPreview {
  total: number;
  sample: SegmentEmployer[];
}
