import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { SOURCED_ID_COLUMN } from '../shared/key-columns';
import { RosterRecordColumns } from '../shared/roster-record.columns';
import { UserEntity } from '../user/user.entity';

/**
 * A user's account at one application (OneRoster 1.2 userProfiles.csv): which vendor and
 * application, what kind of credential and the username there. A role names the profile it
 * uses by sourcedId (`role.user_profile`). The file's `password` column is never stored.
 */
@Entity({ name: 'user_profile' })
@Index('user_profile_source_key', ['system', 'sourcedId'], { unique: true })
@Index('user_profile_user_idx', ['userId', 'id'])
@Check('user_profile_status_check', `"status" in ('active', 'tobedeleted')`)
export class UserProfileEntity extends RosterRecordColumns {
  @Column(SOURCED_ID_COLUMN)
  sourcedId!: string;

  @Column({ type: 'bigint', name: 'user_id' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  /** What the profile is for, as the source words it (free text in the binding). */
  @Column({ type: 'text', name: 'profile_type' })
  profileType!: string;

  @Column({ type: 'text', name: 'vendor_id' })
  vendorId!: string;

  @Column({ type: 'text', name: 'application_id', nullable: true })
  applicationId!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** The kind of credential the application takes (free text in the binding). */
  @Column({ type: 'text', name: 'credential_type' })
  credentialType!: string;

  /** The user's name at the application. */
  @Column({ type: 'text' })
  username!: string;
}
