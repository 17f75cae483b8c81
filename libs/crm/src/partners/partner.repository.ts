import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, managerFor, PageRequest } from '@app/core';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { isUniqueViolation, likePattern } from '../shared/db-errors';
import { PartnerFilter, PartnerSortField, PartnerValues } from './partner.types';

const ONE_WSP_KEY = 'organisations_one_wsp_key';

const SORT_COLUMNS: Record<PartnerSortField, string> = {
  name: 'o.name',
  kind: 'o.kind',
  createdAt: 'o.created_at',
  updatedAt: 'o.updated_at',
};

/** Partner organisations: every kind but `employer`. */
@Injectable()
export class PartnerRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repository() {
    return managerFor(this.dataSource).getRepository(OrganisationEntity);
  }

  async wspExists(regionId: string, exceptId?: string): Promise<boolean> {
    const builder = this.repository
      .createQueryBuilder('o')
      .where(`o.kind = 'wsp' AND o.region_id = :regionId`, { regionId });
    if (exceptId) builder.andWhere('o.id <> :exceptId', { exceptId });
    return (await builder.getCount()) > 0;
  }

  async insert(values: PartnerValues): Promise<OrganisationEntity> {
    const result = await oneWspAsConflict(() => this.repository.insert(values));
    return this.repository.findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  async update(id: string, values: Partial<PartnerValues>): Promise<OrganisationEntity> {
    await oneWspAsConflict(() => this.repository.update({ id }, values));
    return this.repository.findOneByOrFail({ id });
  }

  async list(
    filter: PartnerFilter,
    request: PageRequest<PartnerSortField>,
  ): Promise<{ items: OrganisationEntity[]; total: number }> {
    const builder = this.repository.createQueryBuilder('o').where(`o.kind <> 'employer'`);
    if (filter.regionIds !== null) builder.andWhere('o.region_id = ANY(:regionIds)', { regionIds: filter.regionIds });
    if (filter.kind) builder.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.q) {
      builder.andWhere('(o.name ILIKE :q OR o.city ILIKE :q OR o.kvk_number::text ILIKE :q)', {
        q: likePattern(filter.q),
      });
    }
    request.sort.forEach((s, index) => {
      if (index === 0) builder.orderBy(SORT_COLUMNS[s.field], s.direction);
      else builder.addOrderBy(SORT_COLUMNS[s.field], s.direction);
    });
    const [items, total] = await builder
      .addOrderBy('o.id', 'ASC')
      .offset((request.page - 1) * request.pageSize)
      .limit(request.pageSize)
      .getManyAndCount();
    return { items, total };
  }
}

async function oneWspAsConflict<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, ONE_WSP_KEY)) throw duplicateWsp();
    throw error;
  }
}

export function duplicateWsp(): DomainError {
  return DomainError.conflict('organisation.duplicate_wsp', 'This region already has its WSP organisation', 'kind');
}
