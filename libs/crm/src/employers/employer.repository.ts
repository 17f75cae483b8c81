import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { DomainError, managerFor, PageRequest } from '@app/core';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { isUniqueViolation, likePattern } from '../shared/db-errors';
import { EmployerRow } from './employer.mapper';
import { EMPLOYER_STAGES, EmployerFilter, EmployerSortField, EmployerValues } from './employer.types';

const KVK_KEY = 'organisations_employer_kvk_key';

const SORT_COLUMNS: Record<EmployerSortField, string> = {
  name: 'o.name',
  kvkNumber: 'o.kvk_number',
  city: 'o.city',
  createdAt: 'o.created_at',
  updatedAt: 'o.updated_at',
  // Pipeline order, not alphabetical.
  stage: `array_position(ARRAY['${EMPLOYER_STAGES.join("','")}'], o.stage)`,
  sizeClass: `array_position(ARRAY['micro','small','medium','large'], o.size_class)`,
};

/** Employers are the `kind = 'employer'` rows of organisations; every query is limited to a region scope. */
@Injectable()
export class EmployerRepository {
  constructor(private readonly dataSource: DataSource) {}

  private query(regionIds: string[] | null): SelectQueryBuilder<OrganisationEntity> {
    const builder = managerFor(this.dataSource)
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where(`o.kind = 'employer'`);
    if (regionIds !== null) builder.andWhere('o.region_id = ANY(:regionIds)', { regionIds });
    return builder;
  }

  /** Null when the employer does not exist or lies outside the scope. `lock` holds the row until commit. */
  findById(id: string, regionIds: string[] | null, lock = false): Promise<OrganisationEntity | null> {
    const builder = this.query(regionIds).andWhere('o.id = :id', { id });
    if (lock) builder.setLock('pessimistic_write');
    return builder.getOne();
  }

  /**
   * findById for reading only (GET /api/employers/:id, the hottest read): one plain statement and its row, without
   * building a query and an entity per request (docs/benchmarks.md, e). Same scope rule; null when not visible.
   */
  async findForRead(id: string, regionIds: string[] | null): Promise<EmployerRow | null> {
    const rows: EmployerRow[] = await managerFor(this.dataSource).query(
      `SELECT id, name, kvk_number AS "kvkNumber", region_id AS "regionId", vestigingsnummer, rsin,
              sbi_code AS "sbiCode", sbi_version AS "sbiVersion", sbi_section AS "sbiSection", size_class AS "sizeClass",
              legal_form AS "legalForm", postcode, city, website, owner_id AS "ownerId", lead_source AS "leadSource",
              tags, stage, created_at AS "createdAt", updated_at AS "updatedAt"
       FROM organisations
       WHERE id = $1 AND kind = 'employer' AND ($2::uuid[] IS NULL OR region_id = ANY($2::uuid[]))`,
      [id, regionIds],
    );
    return rows[0] ?? null;
  }

  async kvkTaken(regionId: string, kvkNumber: string, exceptId?: string): Promise<boolean> {
    const builder = this.query([regionId]).andWhere('o.kvk_number = :kvkNumber', { kvkNumber });
    if (exceptId) builder.andWhere('o.id <> :exceptId', { exceptId });
    return (await builder.getCount()) > 0;
  }

  async insert(values: EmployerValues): Promise<OrganisationEntity> {
    const repository = managerFor(this.dataSource).getRepository(OrganisationEntity);
    const result = await duplicateKvkAsConflict(() => repository.insert({ ...values, kind: 'employer' }));
    return repository.findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  async update(id: string, values: Partial<EmployerValues>): Promise<OrganisationEntity> {
    const repository = managerFor(this.dataSource).getRepository(OrganisationEntity);
    await duplicateKvkAsConflict(() => repository.update({ id, kind: 'employer' }, values));
    return repository.findOneByOrFail({ id });
  }

  async delete(id: string): Promise<void> {
    await managerFor(this.dataSource).getRepository(OrganisationEntity).delete({ id, kind: 'employer' });
  }

  async list(
    filter: EmployerFilter,
    request: PageRequest<EmployerSortField>,
  ): Promise<{ items: OrganisationEntity[]; total: number }> {
    const builder = this.filtered(filter);
    request.sort.forEach((s, index) => {
      if (index === 0) builder.orderBy(SORT_COLUMNS[s.field], s.direction, 'NULLS LAST');
      else builder.addOrderBy(SORT_COLUMNS[s.field], s.direction, 'NULLS LAST');
    });
    const [items, total] = await builder
      .addOrderBy('o.id', 'ASC')
      .offset((request.page - 1) * request.pageSize)
      .limit(request.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** One page of the export in (name, id) order, after the last row of the previous page (keyset paging). */
  exportPage(
    filter: EmployerFilter,
    after: { name: string; id: string } | null,
    limit: number,
  ): Promise<OrganisationEntity[]> {
    const builder = this.filtered(filter);
    if (after)
      builder.andWhere('(o.name, o.id) > (:afterName, :afterId)', { afterName: after.name, afterId: after.id });
    return builder.orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').limit(limit).getMany();
  }

  private filtered(filter: EmployerFilter): SelectQueryBuilder<OrganisationEntity> {
    const builder = this.query(filter.regionIds);
    if (filter.q) {
      builder.andWhere('(o.name ILIKE :q OR o.city ILIKE :q OR o.kvk_number::text ILIKE :q)', {
        q: likePattern(filter.q),
      });
    }
    if (filter.stage) builder.andWhere('o.stage = :stage', { stage: filter.stage });
    if (filter.sizeClass) builder.andWhere('o.size_class = :sizeClass', { sizeClass: filter.sizeClass });
    if (filter.ownerId) builder.andWhere('o.owner_id = :ownerId', { ownerId: filter.ownerId });
    if (filter.tag) builder.andWhere('o.tags @> ARRAY[:tag]::text[]', { tag: filter.tag });
    if (filter.sbi) {
      builder.andWhere('o.sbi_version = :sbiVersion AND o.sbi_section = :sbiSection', {
        sbiVersion: filter.sbi.version,
        sbiSection: filter.sbi.section,
      });
    }
    if (filter.swCompanyId) {
      builder.andWhere(
        `EXISTS (SELECT 1 FROM network_links nl
                 WHERE nl.employer_id = o.id AND nl.organisation_id = :swCompanyId AND nl.until IS NULL)`,
        { swCompanyId: filter.swCompanyId },
      );
    }
    return builder;
  }
}

async function duplicateKvkAsConflict<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, KVK_KEY)) throw duplicateKvk();
    throw error;
  }
}

export function duplicateKvk(): DomainError {
  return DomainError.conflict(
    'employer.duplicate_kvk',
    'An employer with this KvK number already exists in this region',
    'kvkNumber',
  );
}
