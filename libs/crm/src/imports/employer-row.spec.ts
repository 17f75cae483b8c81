import { cellValue, EmployerRowContext, readEmployerRow, readTags } from './employer-row';

const AM25 = '00000000-0000-4000-8000-000000000025';
const GR01 = '00000000-0000-4000-8000-000000000001';
const context: EmployerRowContext = {
  regionIdByCode: new Map([
    ['AM25', AM25],
    ['GR01', GR01],
  ]),
  allowedRegionIds: new Set([AM25]),
  sbiRanges: [
    { version: 2025, section: 'I', divisionFrom: 55, divisionTo: 56 },
    { version: 2008, section: 'I', divisionFrom: 55, divisionTo: 56 },
  ],
};

describe('readEmployerRow', () => {
  it('should normalise postcode, phone, website and tags when the row is valid', () => {
    const result = readEmployerRow(
      2,
      {
        name: ' Bakkerij de Vries ',
        kvkNumber: '12345678',
        regionCode: 'am25',
        sbiCode: '5610',
        postcode: '1234ab',
        website: 'bakkerij.nl',
        tags: 'horeca; Horeca |  lokaal  bedrijf',
        contactLastName: 'Jansen',
        contactPhone: "'+31 20 123 4567",
        contactEmailBasis: 'consent',
      },
      context,
    );
    expect(result).toEqual({
      ok: true,
      values: expect.objectContaining({
        line: 2,
        regionId: AM25,
        name: 'Bakkerij de Vries',
        sbiCode: '5610',
        sbiVersion: 2025,
        sbiSection: 'I',
        postcode: '1234 AB',
        website: 'https://bakkerij.nl',
        tags: ['horeca', 'lokaal bedrijf'],
        city: null,
        contact: expect.objectContaining({ lastName: 'Jansen', phone: '+31201234567', emailBasis: 'consent' }),
      }),
    });
  });

  it('should report every bad field of the row with its line when several are wrong', () => {
    const result = readEmployerRow(
      7,
      {
        name: 'X',
        kvkNumber: '1234',
        regionCode: 'AM25',
        postcode: '1234 SS',
        sizeClass: 'huge',
        contactEmail: 'nope',
      },
      context,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { row: 7, field: 'kvkNumber', problem: 'must be exactly 8 digits' },
      { row: 7, field: 'sizeClass', problem: 'must be one of micro, small, medium, large' },
      { row: 7, field: 'postcode', problem: 'letters SS are never used in a postcode' },
      { row: 7, field: 'contactEmail', problem: 'is not a valid e-mail address' },
    ]);
  });

  it('should refuse the row when its region is not one of the uploader regions', () => {
    const result = readEmployerRow(3, { name: 'X', kvkNumber: '12345678', regionCode: 'GR01' }, context);
    expect(!result.ok && result.errors).toEqual([
      { row: 3, field: 'regionCode', problem: 'GR01 is not one of your regions' },
    ]);
  });

  it('should accept any known region when the uploader has all regions', () => {
    const result = readEmployerRow(
      3,
      { kvkNumber: '12345678', regionCode: 'GR01' },
      { ...context, allowedRegionIds: null },
    );
    expect(result.ok && result.values.regionId).toBe(GR01);
  });

  it('should report missing keys and an unknown region code when they are absent or wrong', () => {
    expect(readEmployerRow(4, { name: 'X', kvkNumber: '', regionCode: '' }, context)).toEqual({
      ok: false,
      errors: [
        { row: 4, field: 'kvkNumber', problem: 'is required' },
        { row: 4, field: 'regionCode', problem: 'is required' },
      ],
    });
    const unknown = readEmployerRow(5, { kvkNumber: '12345678', regionCode: 'ZZ99' }, context);
    expect(!unknown.ok && unknown.errors[0]).toEqual({
      row: 5,
      field: 'regionCode',
      problem: '"ZZ99" is not a known arbeidsmarktregio code',
    });
  });

  it('should leave empty cells null so stored values are kept', () => {
    const result = readEmployerRow(2, { name: '', kvkNumber: '12345678', regionCode: 'AM25', city: '  ' }, context);
    expect(result.ok && result.values).toMatchObject({
      name: null,
      city: null,
      tags: null,
      contact: null,
      sbiCode: null,
    });
  });

  it('should check the SBI code against its version when both are given', () => {
    const ok = readEmployerRow(
      2,
      { kvkNumber: '12345678', regionCode: 'AM25', sbiCode: '56', sbiVersion: '2008' },
      context,
    );
    expect(ok.ok && ok.values).toMatchObject({ sbiVersion: 2008, sbiSection: 'I' });
    const bad = readEmployerRow(2, { kvkNumber: '12345678', regionCode: 'AM25', sbiCode: '99' }, context);
    expect(!bad.ok && bad.errors[0]).toMatchObject({ field: 'sbiCode' });
    const versionOnly = readEmployerRow(2, { kvkNumber: '12345678', regionCode: 'AM25', sbiVersion: '2008' }, context);
    expect(!versionOnly.ok && versionOnly.errors[0]).toMatchObject({ field: 'sbiVersion' });
  });

  it('should refuse an unknown e-mail basis when the contact has one', () => {
    const result = readEmployerRow(
      2,
      {
        kvkNumber: '12345678',
        regionCode: 'AM25',
        contactLastName: 'Jansen',
        contactEmailBasis: 'legitimate_interest',
      },
      context,
    );
    expect(!result.ok && result.errors).toEqual([
      {
        row: 2,
        field: 'contactEmailBasis',
        problem: 'must be one of consent, existing_relationship, published_for_purpose',
      },
    ]);
  });
});

describe('cellValue', () => {
  it('should undo formula neutralisation and trim when reading a cell', () => {
    expect(cellValue("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(cellValue("  '+31201234567 ")).toBe('+31201234567');
    expect(cellValue("'t Hoekje")).toBe("'t Hoekje");
    expect(cellValue('   ')).toBeNull();
    expect(cellValue(undefined)).toBeNull();
  });
});

describe('readTags', () => {
  it('should report a tag that is too long when one is', () => {
    const problems: string[] = [];
    readTags('x'.repeat(51), (p) => problems.push(p));
    expect(problems).toHaveLength(1);
  });
});
