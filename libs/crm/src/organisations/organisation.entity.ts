import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One table for employers (`kind = 'employer'`) and partner organisations of every other kind. */
@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'kvk_number', type: 'char', length: 8, nullable: true })
  kvkNumber: string | null;

  @Column({ name: 'postal_address', type: 'text', nullable: true })
  postalAddress: string | null;

  @Column({ type: 'text', nullable: true })
  postcode: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  recognitions: unknown[];

  @Column({ type: 'char', length: 12, nullable: true })
  vestigingsnummer: string | null;

  @Column({ type: 'char', length: 9, nullable: true })
  rsin: string | null;

  @Column({ name: 'sbi_code', type: 'text', nullable: true })
  sbiCode: string | null;

  @Column({ name: 'sbi_version', type: 'smallint', nullable: true })
  sbiVersion: number | null;

  @Column({ name: 'sbi_section', type: 'char', length: 1, nullable: true })
  sbiSection: string | null;

  @Column({ name: 'size_class', type: 'text', nullable: true })
  sizeClass: string | null;

  @Column({ name: 'legal_form', type: 'text', nullable: true })
  legalForm: string | null;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ name: 'lead_source', type: 'text', nullable: true })
  leadSource: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  tags: string[];

  @Column({ type: 'text', default: 'prospect' })
  stage: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
