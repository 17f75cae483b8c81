import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
// Direct paths: this spec needs the pure validators only, not every module of the libs.
import { ROLES } from '../../../libs/auth/src/access/role';
import { projectPath } from '../../../libs/core/src/database/project-path';
import {
  checkEmail,
  checkKvkNumber,
  checkPhone,
  checkPostcode,
  checkRsin,
  checkVestigingsnummer,
} from '../../../libs/crm/src/validation/identifiers';
import { sectionForSbiCode, SbiSectionRange } from '../../../libs/crm/src/validation/sbi';
import { buildDemoDataset } from './demo-dataset';
import { DEMO_USERS } from './demo-people';
import { placeOf } from './demo-places';

const dataset = buildDemoDataset();
const employers = dataset.organisations.filter((o) => o.kind === 'employer');
const partners = dataset.organisations.filter((o) => o.kind !== 'employer');
const contacts = dataset.organisations.flatMap((o) => o.contacts);

function sbiRanges(): SbiSectionRange[] {
  const file = projectPath('libs/core/reference-data/sbi-sections.csv');
  const rows: Record<string, string>[] = parse(readFileSync(file), { columns: true });
  return rows.map((row) => ({
    version: Number(row.version) as 2008 | 2025,
    section: row.section,
    divisionFrom: Number(row.division_from),
    divisionTo: Number(row.division_to),
  }));
}

describe('demo dataset', () => {
  it('should hold at least 60 employers in the main region and a few in a second region', () => {
    expect(employers.filter((e) => e.region === 'main').length).toBeGreaterThanOrEqual(60);
    expect(employers.filter((e) => e.region === 'second').length).toBeGreaterThanOrEqual(3);
  });

  it('should give every employer a valid, region-unique KvK number and valid branch and RSIN numbers', () => {
    for (const employer of employers) {
      expect(checkKvkNumber(employer.kvkNumber!)).toEqual({ ok: true, value: employer.kvkNumber });
      expect(checkVestigingsnummer(employer.vestigingsnummer!).ok).toBe(true);
      if (employer.rsin) expect(checkRsin(employer.rsin)).toEqual({ ok: true, value: employer.rsin });
    }
    expect(new Set(employers.map((e) => `${e.region}:${e.kvkNumber}`)).size).toBe(employers.length);
  });

  it('should use normalised postcodes and E.164 phone numbers when it fills addresses', () => {
    for (const organisation of dataset.organisations) {
      expect(checkPostcode(organisation.postcode)).toEqual({ ok: true, value: organisation.postcode });
      expect(checkPhone(organisation.phone)).toEqual({ ok: true, value: organisation.phone });
      expect(placeOf(organisation.city).region).toBe(organisation.region);
    }
    for (const contact of contacts.filter((c) => c.phone)) {
      expect(checkPhone(contact.phone!)).toEqual({ ok: true, value: contact.phone });
    }
  });

  it('should cover several SBI 2025 sections and every size class', () => {
    const ranges = sbiRanges();
    const sections = new Set(
      employers.map((e) => {
        const checked = sectionForSbiCode(e.sbiCode!, 2025, ranges);
        expect(checked.ok).toBe(true);
        return checked.ok ? checked.value : '';
      }),
    );
    expect(sections.size).toBeGreaterThanOrEqual(10);
    expect(new Set(employers.map((e) => e.sizeClass))).toEqual(new Set(['micro', 'small', 'medium', 'large']));
  });

  it('should give every employer exactly one primary contact and tags', () => {
    for (const employer of employers) {
      expect(employer.contacts.filter((c) => c.isPrimary)).toHaveLength(1);
      expect(employer.tags.length).toBeGreaterThan(0);
    }
  });

  it('should mix e-mail bases, contacts without an address and basis history when it creates contacts', () => {
    for (const contact of contacts.filter((c) => c.email)) {
      expect(checkEmail(contact.email!).ok).toBe(true);
      expect(contact.email).toMatch(/\.example$/);
    }
    const current = contacts.map((c) => c.basisHistory.at(-1)?.basis ?? 'none');
    for (const basis of ['consent', 'existing_relationship', 'published_for_purpose', 'none']) {
      expect(current).toContain(basis);
    }
    expect(contacts.some((c) => c.email === null)).toBe(true);
    expect(contacts.some((c) => c.basisHistory.length > 1)).toBe(true);
    for (const organisation of dataset.organisations) {
      const emails = organisation.contacts.map((c) => c.email).filter(Boolean);
      expect(new Set(emails).size).toBe(emails.length);
    }
  });

  it('should hold the partner organisations a WSP works with in the main region', () => {
    const main = partners.filter((p) => p.region === 'main');
    const swCompanies = main.filter((p) => p.kind === 'sw_company');
    expect(swCompanies.length).toBeGreaterThanOrEqual(2);
    expect(swCompanies.length).toBeLessThanOrEqual(3);
    expect(main.find((p) => p.kind === 'mbo')?.recognitions.length).toBeGreaterThan(0);
    expect(main.find((p) => p.kind === 'wsp')?.postalAddress).toBeTruthy();
    expect(main.map((p) => p.kind)).toEqual(expect.arrayContaining(['municipality', 'uwv']));
    expect(partners.filter((p) => p.kind === 'wsp').map((p) => p.region)).toEqual(['main', 'second']);
  });

  it('should link SW-bedrijven to employers of their own region, including an ended link', () => {
    const byName = new Map(dataset.organisations.map((o) => [o.name, o]));
    for (const link of dataset.links) {
      const swCompany = byName.get(link.organisation);
      const employer = byName.get(link.employer);
      expect(swCompany?.kind).toBe('sw_company');
      expect(employer?.kind).toBe('employer');
      expect(employer?.region).toBe(swCompany?.region);
    }
    expect(dataset.links.map((l) => l.relation)).toEqual(expect.arrayContaining(['detachering', 'pilot_host']));
    expect(dataset.links.some((l) => l.until !== null)).toBe(true);
  });

  it('should have a demo user of every role with a usable password', () => {
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(ROLES));
    for (const user of DEMO_USERS) expect(user.password.length).toBeGreaterThanOrEqual(10);
    expect(new Set(DEMO_USERS.map((u) => u.email)).size).toBe(DEMO_USERS.length);
  });

  it('should build the same dataset when it is built twice', () => {
    expect(buildDemoDataset()).toEqual(dataset);
  });
});
