import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { OrgEntity } from '../org/org.entity';
import { SOURCED_ID_COLUMN } from '../shared/key-columns';
import { RosterRecordColumns } from '../shared/roster-record.columns';

/**
 * A person as one source system knows them (OneRoster 1.2 users; 1.1's `role` and
 * `orgSourcedIds` become `role` rows). The table is `roster_user` because `user` is reserved in
 * SQL and would need quoting in every hand-written statement.
 *
 * OneRoster's `password` column is never stored: we do not authenticate anyone with it, and a
 * copy of a credential is a liability. `userIds` and the other identifying fields are also
 * written to `user_identifier` for matching people across sources.
 */
@Entity({ name: 'roster_user' })
@Index('roster_user_source_key', ['system', 'sourcedId'], { unique: true })
@Index('roster_user_primary_org_idx', ['primaryOrgId', 'id'])
@Check('roster_user_status_check', `"status" in ('active', 'tobedeleted')`)
export class UserEntity extends RosterRecordColumns {
  @Column(SOURCED_ID_COLUMN)
  sourcedId!: string;

  /** false: the record is current but the person may not sign in (not a delete). */
  @Column({ type: 'boolean', name: 'enabled_user', default: true })
  enabledUser!: boolean;

  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text', name: 'given_name' })
  givenName!: string;

  @Column({ type: 'text', name: 'family_name' })
  familyName!: string;

  @Column({ type: 'text', name: 'middle_name', nullable: true })
  middleName!: string | null;

  @Column({ type: 'text', name: 'preferred_given_name', nullable: true })
  preferredGivenName!: string | null;

  @Column({ type: 'text', name: 'preferred_middle_name', nullable: true })
  preferredMiddleName!: string | null;

  @Column({ type: 'text', name: 'preferred_family_name', nullable: true })
  preferredFamilyName!: string | null;

  /** A local id such as a student or staff number. */
  @Column({ type: 'text', nullable: true })
  identifier!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  sms!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  grades!: string[];

  @Column({ type: 'text', name: 'user_master_identifier', nullable: true })
  userMasterIdentifier!: string | null;

  /** OneRoster 1.2 requires a role at this org to back it. */
  @Column({ type: 'bigint', name: 'primary_org_id', nullable: true })
  primaryOrgId!: string | null;

  @ManyToOne(() => OrgEntity)
  @JoinColumn({ name: 'primary_org_id' })
  primaryOrg?: Relation<OrgEntity>;

  @Column({ type: 'text', nullable: true })
  pronouns!: string | null;
}
