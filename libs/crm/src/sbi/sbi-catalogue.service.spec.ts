import { SbiCatalogue } from './sbi-catalogue.service';
import { SbiRepository, SbiSectionRow } from './sbi.repository';

const ROWS: SbiSectionRow[] = [
  { version: 2008, section: 'P', name: 'Onderwijs', divisionFrom: 85, divisionTo: 85 },
  { version: 2025, section: 'A', name: 'Landbouw', divisionFrom: 1, divisionTo: 3 },
  { version: 2025, section: 'Q', name: 'Onderwijs', divisionFrom: 85, divisionTo: 85 },
];

function catalogue() {
  let reads = 0;
  const repository = {
    all: async () => {
      reads++;
      return ROWS;
    },
  } as unknown as SbiRepository;
  return { sbi: new SbiCatalogue(repository), reads: () => reads };
}

describe('SbiCatalogue', () => {
  it('should list one version when asked, in the list format', async () => {
    const { sbi } = catalogue();
    expect(await sbi.list({ version: '2025' })).toEqual({
      items: [
        { version: 2025, section: 'A', name: 'Landbouw' },
        { version: 2025, section: 'Q', name: 'Onderwijs' },
      ],
      total: 2,
      page: 1,
      pageSize: 50,
    });
  });

  it('should list both versions when no version is given, and sort and page them', async () => {
    const { sbi } = catalogue();
    const page = await sbi.list({ sort: '-section', pageSize: '2', page: '1' });
    expect(page.items.map((s) => `${s.version}:${s.section}`)).toEqual(['2025:Q', '2008:P']);
    expect(page.total).toBe(3);
  });

  it('should refuse a version that does not exist', async () => {
    const { sbi } = catalogue();
    await expect(sbi.list({ version: '2010' })).rejects.toMatchObject({
      kind: 'invalid',
      details: [{ field: 'version' }],
    });
    await expect(sbi.list({ version: '2025.0' })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('should read the table once and answer later questions from memory', async () => {
    const { sbi, reads } = catalogue();
    expect(await sbi.sectionFor('85311', 2025)).toEqual({ ok: true, value: 'Q' });
    expect(await sbi.sectionFor('8531', 2008)).toEqual({ ok: true, value: 'P' });
    expect(await sbi.exists(2025, 'Q')).toBe(true);
    expect(await sbi.exists(2008, 'Q')).toBe(false);
    expect(reads()).toBe(1);
  });

  it('should try the database again when the first read failed', async () => {
    let calls = 0;
    const repository = {
      all: async () => {
        if (++calls === 1) throw new Error('database down');
        return ROWS;
      },
    } as unknown as SbiRepository;
    const sbi = new SbiCatalogue(repository);
    await expect(sbi.exists(2025, 'Q')).rejects.toThrow('database down');
    expect(await sbi.exists(2025, 'Q')).toBe(true);
  });
});
