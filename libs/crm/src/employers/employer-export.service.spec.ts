import { Principal } from '@app/auth';
import { ContactEntity } from '../contacts/contact.entity';
import { ContactRepository } from '../contacts/contact.repository';
import { EMPLOYER_CSV_COLUMNS } from '../imports/employer-csv-format';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { RegionRepository } from '../regions/region.repository';
import { EmployerExportService, EXPORT_PAGE_SIZE } from './employer-export.service';
import { EmployerRepository } from './employer.repository';
import { EmployerService } from './employer.service';
import { EmployerFilter } from './employer.types';

const REGION = '00000000-0000-4000-8000-00000000000a';
const user: Principal = { id: 'u', email: 'u@x.nl', name: 'U', role: 'wsp_staff', regionIds: [REGION] };

function employer(index: number, extra: Partial<OrganisationEntity> = {}): OrganisationEntity {
  return Object.assign(new OrganisationEntity(), {
    id: `e${String(index).padStart(5, '0')}`,
    regionId: REGION,
    kind: 'employer',
    name: 'Werkgever',
    kvkNumber: String(10000000 + index),
    sbiCode: null,
    sbiVersion: null,
    sizeClass: null,
    postcode: null,
    city: null,
    website: null,
    tags: [],
    ...extra,
  });
}

function setup(employers: OrganisationEntity[], contacts: ContactEntity[] = []) {
  const pageCalls: ({ name: string; id: string } | null)[] = [];
  const repository = {
    exportPage: async (_filter: EmployerFilter, after: { name: string; id: string } | null, limit: number) => {
      pageCalls.push(after);
      const start = after ? employers.findIndex((e) => e.id === after.id) + 1 : 0;
      return employers.slice(start, start + limit);
    },
  } as unknown as EmployerRepository;
  const contactRepository = {
    allFor: async (ids: string[]) => contacts.filter((c) => ids.includes(c.organisationId)),
  } as unknown as ContactRepository;
  const regions = { codes: async () => new Map([[REGION, 'AM25']]) } as unknown as RegionRepository;
  const service = { filter: async () => ({ regionIds: [REGION] }) } as unknown as EmployerService;
  return { exporter: new EmployerExportService(service, repository, contactRepository, regions), pageCalls };
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

describe('EmployerExportService', () => {
  it('should write the header, one row per contact and neutralised cells', async () => {
    const contact = Object.assign(new ContactEntity(), {
      organisationId: 'e00001',
      firstName: 'Jan',
      lastName: 'Jansen',
      email: 'jan@x.nl',
      phone: '+31612345678',
      role: null,
      emailBasis: 'consent',
      emailBasisSource: '=cmd',
    });
    const { exporter } = setup(
      [employer(1, { name: '@Bakker', tags: ['a', 'b'], sbiVersion: 2025, sbiCode: '10711' }), employer(2)],
      [contact, { ...contact, lastName: 'Tweede', email: null, phone: null, emailBasisSource: null } as ContactEntity],
    );
    const lines = (await text(await exporter.open(user, {}))).trimEnd().split('\n');
    expect(lines[0]).toBe(EMPLOYER_CSV_COLUMNS.join(','));
    expect(lines.slice(1)).toEqual([
      "'@Bakker,10000001,AM25,10711,2025,,,,,\"a, b\",Jan,Jansen,jan@x.nl,'+31612345678,,consent,'=cmd",
      '\'@Bakker,10000001,AM25,10711,2025,,,,,"a, b",Jan,Tweede,,,,consent,',
      'Werkgever,10000002,AM25,,,,,,,,,,,,,,',
    ]);
  });

  it('should read page after page, continuing after the last employer of each', async () => {
    const many = Array.from({ length: EXPORT_PAGE_SIZE * 2 + 3 }, (_, i) => employer(i + 1));
    const { exporter, pageCalls } = setup(many);
    const lines = (await text(await exporter.open(user, {}))).trimEnd().split('\n');
    expect(lines).toHaveLength(many.length + 1);
    expect(pageCalls).toEqual([
      null,
      { name: 'Werkgever', id: many[EXPORT_PAGE_SIZE - 1].id },
      { name: 'Werkgever', id: many[EXPORT_PAGE_SIZE * 2 - 1].id },
    ]);
  });
});
