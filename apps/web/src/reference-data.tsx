import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { api, query, unwrap } from './api/client';
import type { Organisation, Page, Region, SbiSection, User } from './api/models';
import { can } from './auth/permissions';
import { useUser } from './auth/session';
import { useApi } from './ui/use-api';

interface ReferenceData {
  /** The regions the user works in (admins: all). */
  regions: Region[];
  sbiSections: SbiSection[];
  /** Colleagues the user may see (everyone for those who may list users, else only themself). */
  users: User[];
  swCompanies: Organisation[];
  userName(id: string | null | undefined): string;
  regionName(id: string): string;
}

const ReferenceContext = createContext<ReferenceData | null>(null);

/** Lists every screen needs for labels and filters, read once after sign-in (all are small). */
export function ReferenceDataProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const state = useApi(async () => {
    const [regions, sbi, users, sw] = await Promise.all([
      unwrap<Page<Region>>(api.GET('/api/regions', { params: { query: query({ pageSize: '500' }) } })),
      unwrap<Page<SbiSection>>(api.GET('/api/sbi-sections', { params: { query: query({ pageSize: '500' }) } })),
      can.manageUsers(user.role)
        ? unwrap<Page<User>>(api.GET('/api/users', { params: { query: query({ pageSize: '500', sort: 'name' }) } }))
        : Promise.resolve({ items: [user] } as Page<User>),
      unwrap<Page<Organisation>>(
        api.GET('/api/organisations', {
          params: { query: query({ kind: 'sw_company', pageSize: '500', sort: 'name' }) },
        }),
      ),
    ]);
    return { regions: regions.items, sbiSections: sbi.items, users: users.items, swCompanies: sw.items };
  }, user.id);

  const value = useMemo<ReferenceData | null>(() => {
    if (!state.data) return null;
    const { regions, sbiSections, users, swCompanies } = state.data;
    const mine = user.role === 'admin' ? regions : regions.filter((region) => user.regionIds.includes(region.id));
    const names = new Map(users.map((u) => [u.id, u.name]));
    const regionNames = new Map(regions.map((r) => [r.id, r.name]));
    return {
      regions: mine,
      sbiSections,
      users,
      swCompanies,
      userName: (id) => (id ? (id === user.id ? `${user.name} (ik)` : (names.get(id) ?? 'Collega')) : '—'),
      regionName: (id) => regionNames.get(id) ?? '—',
    };
  }, [state.data, user]);

  if (state.error)
    return (
      <div className="alert error" role="alert">
        <p>De basisgegevens konden niet worden geladen: {state.error.message}</p>
        <button type="button" onClick={state.reload}>
          Opnieuw proberen
        </button>
      </div>
    );
  if (!value)
    return (
      <p className="status" role="status">
        Laden…
      </p>
    );
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReferenceData(): ReferenceData {
  const value = useContext(ReferenceContext);
  if (!value) throw new Error('useReferenceData outside ReferenceDataProvider');
  return value;
}
