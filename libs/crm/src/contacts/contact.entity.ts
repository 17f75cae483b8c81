import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('contacts')
export class ContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  /** Always the organisation's region, so scope filters need no join. */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'first_name', type: 'text', nullable: true })
  firstName: string | null;

  @Column({ name: 'last_name', type: 'text' })
  lastName: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  role: string | null;

  @Column({ name: 'is_primary', type: 'boolean', default: false })
  isPrimary: boolean;

  @Column({ name: 'email_basis', type: 'text', nullable: true })
  emailBasis: string | null;

  @Column({ name: 'email_basis_source', type: 'text', nullable: true })
  emailBasisSource: string | null;

  @Column({ name: 'email_basis_evidence', type: 'text', nullable: true })
  emailBasisEvidence: string | null;

  @Column({ name: 'email_basis_at', type: 'timestamptz', nullable: true })
  emailBasisAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
