import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, managerFor, PageRequest } from '@app/core';
import { isUniqueViolation } from '../shared/db-errors';
import { NetworkLinkEntity } from './network-link.entity';
import { NetworkLinkRecord, NetworkLinkResponse, NetworkRelation, NetworkSortField } from './network.types';

const ACTIVE_KEY = 'network_links_active_key';

const SORT_COLUMNS: Record<NetworkSortField, string> = {
  employerName: 'e.name',
  since: 'l.since',
  until: 'l.until',
  relation: 'l.relation',
};

interface LinkRow {
  employer_id: string;
  employer_name: string;
  relation: NetworkRelation;
  since: string;
  until: string | null;
}

@Injectable()
export class NetworkRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get links() {
    return managerFor(this.dataSource).getRepository(NetworkLinkEntity);
  }

  findActive(organisationId: string, employerId: string): Promise<NetworkLinkEntity | null> {
    return this.links
      .createQueryBuilder('l')
      .where('l.organisation_id = :organisationId AND l.employer_id = :employerId AND l.until IS NULL', {
        organisationId,
        employerId,
      })
      .getOne();
  }

  async insert(values: Omit<NetworkLinkRecord, 'id' | 'until'>): Promise<NetworkLinkEntity> {
    try {
      const result = await this.links.insert(values);
      return await this.links.findOneByOrFail({ id: result.identifiers[0].id as string });
    } catch (error) {
      if (isUniqueViolation(error, ACTIVE_KEY)) throw alreadyLinked();
      throw error;
    }
  }

  async end(id: string, until: string): Promise<NetworkLinkEntity> {
    await this.links.update({ id }, { until });
    return this.links.findOneByOrFail({ id });
  }

  /** Every link (active and ended) touching an organisation from either side, for audit on deletion. */
  allTouching(organisationId: string): Promise<NetworkLinkEntity[]> {
    return this.links.find({ where: [{ organisationId }, { employerId: organisationId }], order: { since: 'ASC' } });
  }

  /** The organisation's links with the employer's name; the employer shares its region, so no extra scope. */
  async list(
    organisationId: string,
    includeEnded: boolean,
    request: PageRequest<NetworkSortField>,
  ): Promise<{ items: NetworkLinkResponse[]; total: number }> {
    const where = `l.organisation_id = $1${includeEnded ? '' : ' AND l.until IS NULL'}`;
    const order = request.sort.map((s) => `${SORT_COLUMNS[s.field]} ${s.direction} NULLS LAST`).join(', ');
    const manager = managerFor(this.dataSource);
    const rows: LinkRow[] = await manager.query(
      `SELECT l.employer_id, e.name AS employer_name, l.relation, l.since::text AS since, l.until::text AS until
       FROM network_links l JOIN organisations e ON e.id = l.employer_id
       WHERE ${where} ORDER BY ${order}, l.since DESC, l.id LIMIT $2 OFFSET $3`,
      [organisationId, request.pageSize, (request.page - 1) * request.pageSize],
    );
    const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM network_links l WHERE ${where}`, [
      organisationId,
    ]);
    return {
      total,
      items: rows.map((r) => ({
        employerId: r.employer_id,
        employerName: r.employer_name,
        relation: r.relation,
        since: r.since,
        until: r.until,
      })),
    };
  }
}

export function alreadyLinked(): DomainError {
  return DomainError.conflict(
    'network.already_linked',
    'This employer already has an active link with the organisation',
  );
}
