import { SbiCatalogue } from '../sbi/sbi-catalogue.service';
import { SbiRepository } from '../sbi/sbi.repository';
import { partnerValues } from './partner-fields';

const sbi = new SbiCatalogue({
  all: async () => [
    { version: 2025, section: 'Q', name: 'Onderwijs', divisionFrom: 85, divisionTo: 85 },
    { version: 2008, section: 'P', name: 'Onderwijs', divisionFrom: 85, divisionTo: 85 },
  ],
} as unknown as SbiRepository);

describe('partnerValues recognitions', () => {
  it('should normalise an MBO school’s recognitions and drop duplicates', async () => {
    const values = await partnerValues(
      {
        recognitions: [
          { sbiSection: ' 2025:q ', crebo: '25180' },
          { sbiSection: '2025:Q', crebo: '25180' },
          { sbiSection: '2008:P', crebo: '' },
        ],
      },
      'mbo',
      false,
      sbi,
    );
    expect(values.recognitions).toEqual([
      { sbiSection: '2025:Q', crebo: '25180' },
      { sbiSection: '2008:P', crebo: null },
    ]);
  });

  it('should refuse recognitions for any kind but mbo', async () => {
    await expect(
      partnerValues({ recognitions: [{ sbiSection: '2025:Q' }] }, 'sw_company', false, sbi),
    ).rejects.toMatchObject({
      details: [{ field: 'recognitions', problem: 'only an mbo organisation has recognitions' }],
    });
  });

  it('should accept an empty list for any kind', async () => {
    expect((await partnerValues({ recognitions: [] }, 'wsp', false, sbi)).recognitions).toEqual([]);
  });

  it('should name the item and field of each bad recognition', async () => {
    await expect(
      partnerValues(
        { recognitions: [{ sbiSection: 'Q' }, { sbiSection: '2008:Q' }, { sbiSection: '2025:Q', crebo: '2518' }] },
        'mbo',
        false,
        sbi,
      ),
    ).rejects.toMatchObject({
      details: [
        { field: 'recognitions.0.sbiSection' },
        { field: 'recognitions.1.sbiSection' },
        { field: 'recognitions.2.crebo' },
      ],
    });
  });

  it('should require a name on create and validate the contact details', async () => {
    await expect(
      partnerValues({ email: 'x', phone: '1', website: 'nope', kvkNumber: '1' }, 'union', true, sbi),
    ).rejects.toMatchObject({
      details: [
        { field: 'name', problem: 'is required' },
        { field: 'kvkNumber' },
        { field: 'email' },
        { field: 'phone' },
        { field: 'website' },
      ],
    });
  });
});
