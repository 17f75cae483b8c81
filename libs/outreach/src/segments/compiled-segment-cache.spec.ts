import { COMPILED_SEGMENT_CACHE_SIZE, CompiledSegment, CompiledSegmentCache } from './compiled-segment-cache';

const entry = (n: number): CompiledSegment => ({
  segmentId: `segment-${n}`,
  regionId: 'region',
  filterJson: `{"n":${n}}`,
  compiled: { sql: 'TRUE', params: [] },
});

describe('CompiledSegmentCache', () => {
  it('should keep at most its size and drop the least recently used first', () => {
    const cache = new CompiledSegmentCache();
    for (let n = 0; n < COMPILED_SEGMENT_CACHE_SIZE; n++) cache.set(entry(n));
    expect(cache.get('segment-0')).toEqual(entry(0)); // now the most recently used
    cache.set(entry(COMPILED_SEGMENT_CACHE_SIZE));
    expect(cache.size).toBe(COMPILED_SEGMENT_CACHE_SIZE);
    expect(cache.get('segment-0')).toEqual(entry(0));
    expect(cache.get('segment-1')).toBeUndefined();
    expect(cache.get(`segment-${COMPILED_SEGMENT_CACHE_SIZE}`)).toEqual(entry(COMPILED_SEGMENT_CACHE_SIZE));
  });

  it('should replace a segment entry when it is set again', () => {
    const cache = new CompiledSegmentCache();
    cache.set(entry(1));
    cache.set({ ...entry(1), filterJson: '{"n":2}' });
    expect(cache.size).toBe(1);
    expect(cache.get('segment-1')?.filterJson).toBe('{"n":2}');
  });
});
