import { DEMO_EMPLOYERS, EmployerRow, SizeClass, Stage } from './demo-employers';
import { DEMO_NETWORK_LINKS, DEMO_PARTNERS, DemoPartner } from './demo-partners';
import { FIRST_NAMES, LAST_NAMES, LEAD_SOURCES, PRIMARY_ROLES, SECOND_ROLES, slug } from './demo-people';
import { DemoRegionKey, phoneIn, placeOf, postcodeIn } from './demo-places';
import { BasisEvent, contactBasis } from './demo-basis';
import { buildDemoHistory, EmployerHistory } from './demo-history';

export interface SeedContact {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  role: string;
  isPrimary: boolean;
  /** Oldest first; the last one is the contact's current basis. */
  basisHistory: BasisEvent[];
}

export interface SeedOrganisation {
  region: DemoRegionKey;
  kind: 'employer' | DemoPartner['kind'];
  name: string;
  kvkNumber: string | null;
  vestigingsnummer: string | null;
  rsin: string | null;
  sbiCode: string | null;
  sizeClass: SizeClass | null;
  legalForm: 'legal_person' | 'natural_person' | null;
  postalAddress: string | null;
  postcode: string;
  city: string;
  email: string | null;
  phone: string;
  website: string;
  recognitions: object[];
  tags: string[];
  stage: Stage;
  leadSource: string | null;
  /** A DemoUser key. */
  owner: string | null;
  contacts: SeedContact[];
}

export interface SeedLink {
  organisation: string;
  employer: string;
  relation: string;
  since: string;
  until: string | null;
}

export interface DemoDataset {
  organisations: SeedOrganisation[];
  links: SeedLink[];
  /** Each employer's stage changes, activities, tasks, trajectories and stories (in days before the demo day). */
  histories: EmployerHistory[];
}

const LATER_STAGES: Stage[] = ['own_trajectory', 'structural', 'ambassador'];

/** The whole demo, built deterministically from the tables beside this file (no database, no clock). */
export function buildDemoDataset(): DemoDataset {
  let contactSeed = 0;
  const nextContact = (
    domain: string,
    role: string,
    isPrimary: boolean,
    name?: { firstName: string; lastName: string },
  ) => {
    const seed = contactSeed++;
    const firstName = name?.firstName ?? FIRST_NAMES[(seed * 7) % FIRST_NAMES.length];
    const lastName = name?.lastName ?? LAST_NAMES[(seed * 5 + 2) % LAST_NAMES.length];
    // Every ninth person has no e-mail address: a contact known by phone only.
    const email = seed % 9 === 4 ? null : `${slug(firstName)}.${slug(lastName)}@${domain}`;
    return {
      firstName,
      lastName,
      email,
      phone: seed % 3 === 0 ? `+316${String(20000000 + seed * 104729).slice(-8)}` : null,
      role,
      isPrimary,
      basisHistory: email ? contactBasis(seed, domain) : [],
    };
  };

  const employers = DEMO_EMPLOYERS.map((row, index) => employer(row, index, nextContact));
  const partners = DEMO_PARTNERS.map((partner, index) => ({
    region: partner.region,
    kind: partner.kind,
    name: partner.name,
    kvkNumber: null,
    vestigingsnummer: null,
    rsin: null,
    sbiCode: null,
    sizeClass: null,
    legalForm: null,
    postalAddress: partner.postalAddress ?? null,
    postcode: postcodeIn(partner.city, 200 + index),
    city: partner.city,
    email: `info@${partner.domain}`,
    phone: phoneIn(partner.city, 200 + index),
    website: `https://www.${partner.domain}`,
    recognitions: partner.recognitions ?? [],
    tags: [],
    stage: 'prospect' as Stage,
    leadSource: null,
    owner: null,
    contacts: [nextContact(partner.domain, partner.contact.role, true, partner.contact)],
  }));
  const links = DEMO_NETWORK_LINKS.map(([organisation, employerName, relation, since, until]) => ({
    organisation,
    employer: employerName,
    relation,
    since,
    until: until ?? null,
  }));
  return { organisations: [...employers, ...partners], links, histories: buildDemoHistory(employers) };
}

function employer(
  [name, sbiCode, sizeClass, city, tags, stage]: EmployerRow,
  index: number,
  nextContact: (domain: string, role: string, isPrimary: boolean) => SeedContact,
): SeedOrganisation {
  const region = placeOf(city).region;
  const domain = `${slug(name)}.example`;
  const kvkNumber = String(34_100_000 + index * 7_331);
  const naturalPerson = sizeClass === 'micro' && !/B\.V\./.test(name);
  const contacts = [nextContact(domain, PRIMARY_ROLES[sizeClass], true)];
  if (sizeClass !== 'micro') contacts.push(nextContact(domain, SECOND_ROLES[index % SECOND_ROLES.length], false));
  return {
    region,
    kind: 'employer',
    name,
    kvkNumber,
    vestigingsnummer: `0000${String(20_000_000 + index * 13_007).padStart(8, '0')}`,
    rsin: naturalPerson ? null : rsinFor(index),
    sbiCode,
    sizeClass,
    legalForm: naturalPerson ? 'natural_person' : 'legal_person',
    postalAddress: null,
    postcode: postcodeIn(city, index),
    city,
    email: index % 4 === 0 ? `info@${domain}` : null,
    phone: phoneIn(city, index),
    website: `https://www.${domain}`,
    // Employers that run trajectories themselves are accredited by SBB.
    recognitions: LATER_STAGES.includes(stage) ? [{ kind: 'erkend_leerbedrijf', by: 'SBB', since: '2023-04-01' }] : [],
    tags: tags.split(' '),
    stage,
    leadSource: stage === 'sw_pilot' ? 'sw_network' : LEAD_SOURCES[index % LEAD_SOURCES.length],
    owner:
      region === 'second'
        ? 'coordinator_second'
        : index % 5 === 0
          ? 'coordinator'
          : index % 7 === 3
            ? null
            : 'account_manager',
    contacts,
  };
}

/** A 9-digit RSIN that passes the 11-proef. */
export function rsinFor(index: number): string {
  for (let candidate = 81_000_000 + index * 9_173; ; candidate++) {
    const digits = [...String(candidate)].map(Number);
    const check = digits.reduce((sum, digit, position) => sum + digit * (9 - position), 0) % 11;
    if (check < 10) return `${candidate}${check}`;
  }
}
