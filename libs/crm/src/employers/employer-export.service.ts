import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { Principal } from '@app/auth';
import { ContactEntity } from '../contacts/contact.entity';
import { ContactRepository } from '../contacts/contact.repository';
import { EMPLOYER_CSV_COLUMNS, EmployerCsvRow, neutraliseFormula, TAG_JOINER } from '../imports/employer-csv-format';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { RegionRepository } from '../regions/region.repository';
import { EmployerRepository } from './employer.repository';
import { EmployerFilter, EmployerListQuery } from './employer.types';
import { EmployerService } from './employer.service';

/** Employers per read; the export never holds more than one such page (and its contacts) in memory. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * The employer list as CSV in the import's format: one row per contact (an employer without contacts
 * is one row with empty contact cells), every cell formula-neutralised, so the import reads it back unchanged.
 */
@Injectable()
export class EmployerExportService {
  constructor(
    private readonly employerService: EmployerService,
    private readonly employers: EmployerRepository,
    private readonly contacts: ContactRepository,
    private readonly regions: RegionRepository,
  ) {}

  /** Checks the query (400/404 happen here, before any byte is sent), then returns the CSV as chunks. */
  async open(principal: Principal, query: EmployerListQuery): Promise<AsyncIterable<string>> {
    const filter = await this.employerService.filter(principal, query);
    const regionCodes = await this.regions.codes();
    return this.chunks(filter, regionCodes);
  }

  private async *chunks(filter: EmployerFilter, regionCodes: Map<string, string>): AsyncGenerator<string> {
    yield stringify([[...EMPLOYER_CSV_COLUMNS]]);
    let after: { name: string; id: string } | null = null;
    for (;;) {
      const page = await this.employers.exportPage(filter, after, EXPORT_PAGE_SIZE);
      if (page.length === 0) return;
      const contacts = groupByOrganisation(await this.contacts.allFor(page.map((e) => e.id)));
      const rows = page.flatMap((employer) =>
        employerRows(employer, regionCodes.get(employer.regionId) ?? '', contacts.get(employer.id) ?? []),
      );
      yield stringify(rows.map((row) => EMPLOYER_CSV_COLUMNS.map((column) => neutraliseFormula(row[column] ?? ''))));
      if (page.length < EXPORT_PAGE_SIZE) return;
      const last = page[page.length - 1];
      after = { name: last.name, id: last.id };
    }
  }
}

export function employerRows(
  employer: OrganisationEntity,
  regionCode: string,
  contacts: ContactEntity[],
): EmployerCsvRow[] {
  const base: EmployerCsvRow = {
    name: employer.name,
    kvkNumber: employer.kvkNumber ?? '',
    regionCode,
    sbiCode: employer.sbiCode ?? '',
    sbiVersion: employer.sbiVersion === null ? '' : String(employer.sbiVersion),
    sizeClass: employer.sizeClass ?? '',
    postcode: employer.postcode ?? '',
    city: employer.city ?? '',
    website: employer.website ?? '',
    tags: employer.tags.join(TAG_JOINER),
  };
  if (contacts.length === 0) return [base];
  return contacts.map((contact) => ({
    ...base,
    contactFirstName: contact.firstName ?? '',
    contactLastName: contact.lastName,
    contactEmail: contact.email ?? '',
    contactPhone: contact.phone ?? '',
    contactRole: contact.role ?? '',
    contactEmailBasis: contact.emailBasis ?? '',
    contactEmailBasisSource: contact.emailBasisSource ?? '',
  }));
}

function groupByOrganisation(contacts: ContactEntity[]): Map<string, ContactEntity[]> {
  const groups = new Map<string, ContactEntity[]>();
  for (const contact of contacts) {
    const group = groups.get(contact.organisationId) ?? [];
    group.push(contact);
    groups.set(contact.organisationId, group);
  }
  return groups;
}
