export interface RegionResponse {
  id: string;
  code: string;
  name: string;
}

export interface RegionSettings {
  pressureDays: number;
  closingDays: string[];
}

export const REGION_SORT_FIELDS = ['code', 'name'] as const;
export type RegionSortField = (typeof REGION_SORT_FIELDS)[number];
