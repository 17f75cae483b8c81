import { ImportRowError } from './import.types';
import { ResolvedRow } from './trajectory-row-merge';
import { OrganisationRef, TrajectoryRowValues } from './trajectory-row';

/** An SW-bedrijf or MBO school of a region a row may name. */
export interface NamedPartner {
  id: string;
  regionId: string;
  kind: string;
  kvkNumber: string | null;
  name: string;
}

const LABEL = { sw_company: 'SW-bedrijf (sw_company)', mbo: 'MBO school (mbo)' } as const;

/**
 * Finds the row's employer (by region and KvK number; it must exist, the trajectory import creates
 * no employers) and the host and school it names, in the employer's region: by KvK number, else by
 * exact name (case-insensitive), which must be unambiguous.
 */
export function resolveTrajectoryRow(
  row: TrajectoryRowValues,
  employerIds: ReadonlyMap<string, string>,
  partners: readonly NamedPartner[],
): { ok: true; resolved: ResolvedRow } | { ok: false; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const employerId = employerIds.get(`${row.regionId} ${row.kvkNumber}`);
  if (employerId === undefined) {
    errors.push({
      row: row.line,
      field: 'kvkNumber',
      problem: 'no employer with this KvK number in this region; import or create the employer first',
    });
  }
  const pick = (ref: OrganisationRef | null, kind: 'sw_company' | 'mbo', prefix: 'host' | 'mbo'): string | null => {
    if (ref === null) return null;
    const found = findPartner(ref, kind, row.regionId, partners);
    if (found.ok) return found.id;
    errors.push({ row: row.line, field: `${prefix}${found.byKvk ? 'KvkNumber' : 'Name'}`, problem: found.problem });
    return null;
  };
  const hostId = pick(row.host, 'sw_company', 'host');
  const mboId = pick(row.mbo, 'mbo', 'mbo');
  if (errors.length > 0 || employerId === undefined) return { ok: false, errors };
  return { ok: true, resolved: { employerId, hostId, mboId } };
}

function findPartner(
  ref: OrganisationRef,
  kind: 'sw_company' | 'mbo',
  regionId: string,
  partners: readonly NamedPartner[],
): { ok: true; id: string } | { ok: false; byKvk: boolean; problem: string } {
  const ofRegion = partners.filter((p) => p.kind === kind && p.regionId === regionId);
  if (ref.kvkNumber !== null) {
    const byKvk = ofRegion.filter((p) => p.kvkNumber === ref.kvkNumber);
    if (byKvk.length === 1) return { ok: true, id: byKvk[0].id };
    if (ref.name === null) {
      return { ok: false, byKvk: true, problem: `no ${LABEL[kind]} with this KvK number in the employer's region` };
    }
  }
  const name = (ref.name ?? '').trim().toLowerCase();
  const byName = ofRegion.filter((p) => p.name.trim().toLowerCase() === name);
  if (byName.length === 1) return { ok: true, id: byName[0].id };
  return {
    ok: false,
    byKvk: false,
    problem:
      byName.length === 0
        ? `no ${LABEL[kind]} with this name in the employer's region`
        : `${byName.length} organisations of the region have this name; give the KvK number instead`,
  };
}
