import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { KEY_COLLATION } from '../shared/key-columns';
import { LinkColumns } from '../shared/link-columns';
import { UserEntity } from '../user/user.entity';

/**
 * One way a source identifies a user (sourcedId, username, identifier, email, or one of
 * `userIds` such as `{LDAP:jdoe}`), looked up by `(kind, normalized)` when records from other
 * sources are matched to people.
 *
 * Every text column is a key (`user_identifier_key`, `user_identifier_lookup_idx`) compared for
 * equality only, so all are in the "C" collation (see key-columns.ts): lists ordered by them
 * (a user's identifiers, identifier collisions) come in byte order.
 */
@Entity({ name: 'user_identifier' })
@Index('user_identifier_key', ['userId', 'kind', 'namespace', 'value'], { unique: true })
@Index('user_identifier_lookup_idx', ['kind', 'normalized'])
@Check('user_identifier_kind_check', `"kind" in ('sourcedId', 'username', 'identifier', 'email', 'userId')`)
export class UserIdentifierEntity extends LinkColumns {
  @Column({ type: 'bigint', name: 'user_id' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text', collation: KEY_COLLATION })
  kind!: string;

  /**
   * The type of a `userIds` entry (`LDAP` in `{LDAP:jdoe}`); '' for the other kinds, not null,
   * so that the unique key (and an importer's ON CONFLICT on it) treats them as equal.
   */
  @Column({ type: 'text', default: '', collation: KEY_COLLATION })
  namespace!: string;

  /** As sent. */
  @Column({ type: 'text', collation: KEY_COLLATION })
  value!: string;

  /** What matching compares: lower-cased and trimmed for emails and usernames, else trimmed. */
  @Column({ type: 'text', collation: KEY_COLLATION })
  normalized!: string;
}
