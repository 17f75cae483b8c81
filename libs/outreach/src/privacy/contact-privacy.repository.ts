import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';

/** Why a contact gets no mail at all, whatever its address: a data-subject request of the person. */
export type PrivacyBlock = 'restricted' | 'objected' | 'erased';

/**
 * The privacy state as the send path reads it. A request is tied to the person, not to an address:
 * a contact who objected and is then rectified to a new address still gets no mail. Joins the
 * running transaction.
 */
@Injectable()
export class ContactPrivacyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The request that stops every send to the contact (erased first, then restricted, then objected), or null. */
  async sendBlock(contactId: string): Promise<PrivacyBlock | null> {
    const [row]: { block: PrivacyBlock | null }[] = await managerFor(this.dataSource).query(
      `SELECT CASE WHEN erased_at IS NOT NULL THEN 'erased'
                   WHEN restricted_at IS NOT NULL THEN 'restricted'
                   WHEN objected_at IS NOT NULL THEN 'objected' END AS block
       FROM contact_privacy WHERE contact_id = $1`,
      [contactId],
    );
    return row?.block ?? null;
  }

  async isErased(contactId: string | null): Promise<boolean> {
    if (!contactId) return false;
    return (await this.sendBlock(contactId)) === 'erased';
  }

  /** Drops the content of a received message that concerns an erased contact (the row stays for the figures). */
  async blankInbound(messageId: string): Promise<void> {
    await managerFor(this.dataSource).query(
      `UPDATE inbound_messages SET raw = ''::bytea, envelope_from = NULL, from_address = NULL, subject = NULL
       WHERE id = $1`,
      [messageId],
    );
  }
}
