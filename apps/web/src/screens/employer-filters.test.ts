import { describe, expect, it } from 'vitest';
import { apiFilters, filtersFromSearch, nextSort, searchFromFilters, sortDirection } from './employer-filters';

describe('employer filters', () => {
  it('should give back the same address when filters are read from it and written again', () => {
    const search = '?q=bakkerij&stage=contacted&sbiSection=2025%3AC&tag=voeding&sort=-updatedAt&page=3&pageSize=100';
    expect(searchFromFilters(filtersFromSearch(new URLSearchParams(search)))).toBe(search);
  });

  it('should fall back to 50 per page when the address asks for more than the list allows', () => {
    expect(filtersFromSearch(new URLSearchParams('pageSize=10000')).pageSize).toBe(50);
    expect(filtersFromSearch(new URLSearchParams('page=-4')).page).toBe(1);
  });

  it('should send only the filters that are set, trimmed, when asking the api', () => {
    const filters = filtersFromSearch(new URLSearchParams('q=%20bakkerij%20&ownerId=u1&page=2'));
    expect(apiFilters(filters)).toEqual({ q: 'bakkerij', ownerId: 'u1' });
  });

  it('should sort ascending, then descending when a column is clicked twice', () => {
    expect(nextSort('name', 'city')).toBe('city');
    expect(nextSort('city', 'city')).toBe('-city');
    expect(sortDirection('-city', 'city')).toBe('descending');
    expect(sortDirection('name', 'city')).toBeUndefined();
  });
});
