import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: one row per change of a contact's e-mail basis (domain.md "Rules for outreach email"). */
@Entity('contact_basis_history')
export class ContactBasisHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @Column({ type: 'text', nullable: true })
  basis: string | null;

  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'by_user_id', type: 'uuid', nullable: true })
  byUserId: string | null;
}
