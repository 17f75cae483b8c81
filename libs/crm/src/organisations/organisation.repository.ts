import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { KindGroup } from './organisation-kind';
import { OrganisationEntity } from './organisation.entity';

/** Looks up an organisation of either side for the things that hang off it (contacts, network links). */
@Injectable()
export class OrganisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Null when it does not exist, lies outside the scope or belongs to the other side of the table.
   * `lock` holds the row until commit, which serialises primary-contact changes of one organisation.
   */
  find(
    id: string,
    regionIds: string[] | null,
    group: KindGroup | 'any',
    lock = false,
  ): Promise<OrganisationEntity | null> {
    const builder = managerFor(this.dataSource)
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('o.id = :id', { id });
    if (regionIds !== null) builder.andWhere('o.region_id = ANY(:regionIds)', { regionIds });
    if (group === 'employer') builder.andWhere(`o.kind = 'employer'`);
    if (group === 'partner') builder.andWhere(`o.kind <> 'employer'`);
    if (lock) builder.setLock('pessimistic_write');
    return builder.getOne();
  }

  async delete(id: string): Promise<void> {
    await managerFor(this.dataSource).getRepository(OrganisationEntity).delete({ id });
  }
}
