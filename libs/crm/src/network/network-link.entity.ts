import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An SW-bedrijf's link with an employer; ending it sets `until`, so history stays true. */
@Entity('network_links')
export class NetworkLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ type: 'text' })
  relation: string;

  /** `YYYY-MM-DD` (TypeORM hydrates `date` columns as strings). */
  @Column({ type: 'date' })
  since: string;

  @Column({ type: 'date', nullable: true })
  until: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
