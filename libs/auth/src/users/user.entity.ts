import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../access/role';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; unique on lower(email). */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'region_ids', type: 'uuid', array: true, default: () => `'{}'` })
  regionIds: string[];

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** Last password change, truncated to the second; tokens issued (`iat`) before it are refused. */
  @Column({ name: 'credentials_changed_at', type: 'timestamptz', nullable: true })
  credentialsChangedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
