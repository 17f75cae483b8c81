export const NETWORK_RELATIONS = ['detachering', 'pilot_host', 'partner', 'supplier'] as const;
export type NetworkRelation = (typeof NETWORK_RELATIONS)[number];

export interface NetworkLinkInput {
  employerId: string;
  relation: string;
  since?: string;
}

export interface NetworkLinkResponse {
  employerId: string;
  employerName: string;
  relation: NetworkRelation;
  since: string;
  until: string | null;
}

/** What the audit log keeps of a link. */
export interface NetworkLinkRecord {
  id: string;
  organisationId: string;
  employerId: string;
  relation: string;
  since: string;
  until: string | null;
}

export const NETWORK_SORT_FIELDS = ['employerName', 'since', 'until', 'relation'] as const;
export type NetworkSortField = (typeof NETWORK_SORT_FIELDS)[number];
