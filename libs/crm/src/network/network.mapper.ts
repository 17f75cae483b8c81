import { NetworkLinkEntity } from './network-link.entity';
import { NetworkLinkRecord } from './network.types';

export function toNetworkLinkRecord(link: NetworkLinkEntity): NetworkLinkRecord {
  return {
    id: link.id,
    organisationId: link.organisationId,
    employerId: link.employerId,
    relation: link.relation,
    since: link.since,
    until: link.until,
  };
}
