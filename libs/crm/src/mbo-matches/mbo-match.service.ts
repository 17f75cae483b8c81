import { Injectable } from '@nestjs/common';
import { assertUuid, DomainError, Page, pageOf, pageRequest } from '@app/core';
import { RegionScope } from '@app/auth';
import type { Principal } from '@app/auth';
import { EmployerRepository } from '../employers/employer.repository';
import { Recognition } from '../partners/partner.types';
import { SbiCatalogue } from '../sbi/sbi-catalogue.service';
import { SBI_VERSIONS, SbiVersion } from '../validation/sbi';
import { MboMatchRepository } from './mbo-match.repository';

export interface MboMatchResponse {
  id: string;
  name: string;
  regionId: string;
  /** All of the school's diploma-erkenningen derde leerweg. */
  recognitions: Recognition[];
  /** The recognised sectors that match the employer (`2025:Q`). */
  matchedSections: string[];
  /** The dossiers (crebo) recognised for those sectors; empty when the recognition covers the whole sector. */
  matchedCrebos: string[];
}

export const MBO_MATCH_SORT_FIELDS = ['name'] as const;

/**
 * `GET /api/employers/:id/mbo-matches`: the MBO schools of the employer's region recognised for its
 * sector. A recognition of the employer's own SBI version matches on the section; one of the other
 * version matches the section that holds the division (first two digits) of the employer's SBI code
 * in that version — section letters are never compared across versions, they name different sectors.
 * An employer without an SBI code has no sector and so no matches.
 */
@Injectable()
export class MboMatchService {
  constructor(
    private readonly employers: EmployerRepository,
    private readonly matches: MboMatchRepository,
    private readonly sbi: SbiCatalogue,
  ) {}

  async list(
    principal: Principal,
    id: string,
    query: { page?: string; pageSize?: string; sort?: string },
  ): Promise<Page<MboMatchResponse>> {
    const employer = await this.employers.findById(assertUuid(id), RegionScope.of(principal).sqlRegionIds);
    if (!employer) throw DomainError.notFound('employer');
    const request = pageRequest(query, MBO_MATCH_SORT_FIELDS, [{ field: 'name', direction: 'ASC' }]);
    const keys = await this.sectorKeys(employer.sbiCode, employer.sbiVersion as SbiVersion | null);
    if (keys.length === 0) return pageOf([], 0, request);
    const { items, total } = await this.matches.recognisedFor(employer.regionId, keys, request.sort[0].direction, {
      limit: request.pageSize,
      offset: (request.page - 1) * request.pageSize,
    });
    return pageOf(
      items.map((row) => {
        const matched = row.recognitions.filter((r) => keys.includes(r.sbiSection));
        return {
          ...row,
          matchedSections: [...new Set(matched.map((r) => r.sbiSection))],
          matchedCrebos: [...new Set(matched.flatMap((r) => (r.crebo ? [r.crebo] : [])))],
        };
      }),
      total,
      request,
    );
  }

  /** The employer's sector in both SBI versions, as `version:section` keys. */
  private async sectorKeys(code: string | null, version: SbiVersion | null): Promise<string[]> {
    if (code === null || version === null) return [];
    const keys: string[] = [];
    for (const candidate of SBI_VERSIONS) {
      const section = await this.sbi.sectionFor(code, candidate);
      if (section.ok) keys.push(`${candidate}:${section.value}`);
    }
    return keys;
  }
}
