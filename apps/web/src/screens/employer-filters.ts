import type { Stage } from '../api/models';

/** The employer list's state; it lives in the address bar, so links, reloads and Back keep it. */
export interface EmployerFilters {
  q: string;
  stage: string;
  sbiSection: string;
  sizeClass: string;
  swCompanyId: string;
  ownerId: string;
  tag: string;
  regionId: string;
  sort: string;
  page: number;
  pageSize: number;
}

export const FILTER_KEYS = [
  'q',
  'stage',
  'sbiSection',
  'sizeClass',
  'swCompanyId',
  'ownerId',
  'tag',
  'regionId',
] as const;
export const PAGE_SIZES = [25, 50, 100, 200];
export const DEFAULT_SORT = 'name';

export function filtersFromSearch(search: URLSearchParams): EmployerFilters {
  const pageSize = Number(search.get('pageSize'));
  return {
    q: search.get('q') ?? '',
    stage: search.get('stage') ?? '',
    sbiSection: search.get('sbiSection') ?? '',
    sizeClass: search.get('sizeClass') ?? '',
    swCompanyId: search.get('swCompanyId') ?? '',
    ownerId: search.get('ownerId') ?? '',
    tag: search.get('tag') ?? '',
    regionId: search.get('regionId') ?? '',
    sort: search.get('sort') ?? DEFAULT_SORT,
    page: Math.max(1, Number(search.get('page')) || 1),
    // Server paging: at most 500 per page (api.md), 50 by default.
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 50,
  };
}

export function searchFromFilters(filters: EmployerFilters): string {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) search.set(key, filters[key]);
  if (filters.sort !== DEFAULT_SORT) search.set('sort', filters.sort);
  if (filters.page > 1) search.set('page', String(filters.page));
  if (filters.pageSize !== 50) search.set('pageSize', String(filters.pageSize));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The api's query for these filters (the same for the list and the CSV export). */
export function apiFilters(filters: EmployerFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) if (filters[key]) out[key] = key === 'q' ? filters[key].trim() : filters[key];
  return out;
}

/** Sort key after clicking a column: ascending first, then descending. */
export function nextSort(current: string, column: string): string {
  return current === column ? `-${column}` : column;
}

export function sortDirection(current: string, column: string): 'ascending' | 'descending' | undefined {
  if (current === column) return 'ascending';
  if (current === `-${column}`) return 'descending';
  return undefined;
}

export type StageFilter = Stage | '';

export interface SavedView {
  name: string;
  search: string;
}

const viewsKey = (userId: string) => `vliegwiel.views.${userId}`;

/** Saved views per user, in this browser (localStorage). */
export function loadViews(userId: string): SavedView[] {
  try {
    return JSON.parse(localStorage.getItem(viewsKey(userId)) ?? '[]') as SavedView[];
  } catch {
    return [];
  }
}

export function storeViews(userId: string, views: SavedView[]): void {
  localStorage.setItem(viewsKey(userId), JSON.stringify(views));
}
