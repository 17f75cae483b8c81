import { auditRegionIds } from './user-view';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

describe('auditRegionIds', () => {
  it('should file the entry under every region of the user when the user has several', () => {
    expect(auditRegionIds(null, { regionIds: [A, B] })).toEqual([A, B]);
  });

  it('should file the entry under the old and the new regions once each when regions change', () => {
    expect(auditRegionIds({ regionIds: [A, B] }, { regionIds: [B, C] })).toEqual([A, B, C]);
  });

  it('should file the entry under no region when the user has none', () => {
    expect(auditRegionIds({ regionIds: [] }, { regionIds: [] })).toEqual([null]);
  });
});
