import { Injectable } from '@nestjs/common';
import { DomainError, Page, pageOf, pageRequest } from '@app/core';
import { Checked } from '../validation/identifiers';
import { sectionForSbiCode, SBI_VERSIONS, SbiVersion } from '../validation/sbi';
import { SbiRepository, SbiSectionRow } from './sbi.repository';

export interface SbiSectionResponse {
  version: SbiVersion;
  section: string;
  name: string;
}

const SORT_FIELDS = ['version', 'section', 'name'] as const;

/**
 * The SBI sections of both versions. They are reference data that only a migration changes, so
 * they are read once per process and kept in memory.
 */
@Injectable()
export class SbiCatalogue {
  private sections: Promise<SbiSectionRow[]> | undefined;

  constructor(private readonly repository: SbiRepository) {}

  private load(): Promise<SbiSectionRow[]> {
    this.sections ??= this.repository.all().catch((error: unknown) => {
      this.sections = undefined;
      throw error;
    });
    return this.sections;
  }

  async sectionFor(code: string, version: SbiVersion): Promise<Checked> {
    return sectionForSbiCode(code, version, await this.load());
  }

  async exists(version: SbiVersion, section: string): Promise<boolean> {
    return (await this.load()).some((s) => s.version === version && s.section === section);
  }

  async list(query: {
    version?: string;
    page?: string;
    pageSize?: string;
    sort?: string;
  }): Promise<Page<SbiSectionResponse>> {
    const version = query.version === undefined || query.version === '' ? undefined : parseSbiVersion(query.version);
    const request = pageRequest(query, SORT_FIELDS, [
      { field: 'version', direction: 'ASC' },
      { field: 'section', direction: 'ASC' },
    ]);
    const matching = (await this.load())
      .filter((s) => version === undefined || s.version === version)
      .map(({ version: v, section, name }) => ({ version: v, section, name }))
      .sort((a, b) => {
        for (const { field, direction } of request.sort) {
          const order = String(a[field]).localeCompare(String(b[field]), 'nl');
          if (order !== 0) return direction === 'ASC' ? order : -order;
        }
        return 0;
      });
    const start = (request.page - 1) * request.pageSize;
    return pageOf(matching.slice(start, start + request.pageSize), matching.length, request);
  }
}

export function parseSbiVersion(raw: string, field = 'version'): SbiVersion {
  const version = Number(raw);
  if (!(SBI_VERSIONS as readonly number[]).includes(version) || String(version) !== raw.trim()) {
    throw DomainError.invalid(field, `must be one of ${SBI_VERSIONS.join(', ')}`);
  }
  return version as SbiVersion;
}
