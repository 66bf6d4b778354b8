import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { OrgEntity } from '../org/org.entity';
import { KEY_COLLATION, SOURCED_ID_COLUMN } from '../shared/key-columns';
import { RosterRecordColumns } from '../shared/roster-record.columns';
import { UserEntity } from '../user/user.entity';

/**
 * What a user is at an org (OneRoster 1.2 roles.csv). Rows from 1.2 carry a sourcedId; rows
 * mapped from a 1.1 user's `role` + `orgSourcedIds` have none and are keyed instead by
 * `(system, user_id, org_id, role)`, a partial unique index an importer can name in ON CONFLICT.
 */
@Entity({ name: 'role' })
@Index('role_source_key', ['system', 'sourcedId'], { unique: true })
@Index('role_derived_key', ['system', 'userId', 'orgId', 'role'], { unique: true, where: '"sourced_id" IS NULL' })
@Index('role_user_idx', ['userId', 'id'])
@Index('role_org_idx', ['orgId', 'id'])
@Check('role_status_check', `"status" in ('active', 'tobedeleted')`)
@Check('role_role_type_check', `"role_type" in ('primary', 'secondary')`)
export class RoleEntity extends RosterRecordColumns {
  @Column({ ...SOURCED_ID_COLUMN, nullable: true })
  sourcedId!: string | null;

  @Column({ type: 'bigint', name: 'user_id' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'bigint', name: 'org_id' })
  orgId!: string;

  @ManyToOne(() => OrgEntity)
  @JoinColumn({ name: 'org_id' })
  org?: Relation<OrgEntity>;

  /** primary or secondary; at most one primary per user and org. */
  @Column({ type: 'text', name: 'role_type' })
  roleType!: string;

  /** student, teacher, parent, ... (1.1 and 1.2 vocabularies), or a 1.2 `ext:` token. */
  @Column({ type: 'text' })
  role!: string;

  @Column({ type: 'date', name: 'begin_date', nullable: true })
  beginDate!: string | null;

  @Column({ type: 'date', name: 'end_date', nullable: true })
  endDate!: string | null;

  /** The sourcedId of the user profile (userProfiles.csv) the role uses, as sent; a key, hence "C". */
  @Column({ type: 'text', name: 'user_profile', nullable: true, collation: KEY_COLLATION })
  userProfile!: string | null;
}
