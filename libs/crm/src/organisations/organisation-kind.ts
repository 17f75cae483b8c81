export const PARTNER_KINDS = [
  'sw_company',
  'wsp',
  'municipality',
  'uwv',
  'mbo',
  'union',
  'employer_association',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export type OrganisationKind = 'employer' | PartnerKind;

/** Which side of the table a route serves: `/api/employers` never shows partners and vice versa. */
export type KindGroup = 'employer' | 'partner';

export function kindGroupOf(kind: string): KindGroup {
  return kind === 'employer' ? 'employer' : 'partner';
}
