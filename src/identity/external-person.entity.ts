import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../roster';

/**
 * A person as an outside system (the LMS, an LRS, EdReflect) names them, and who that is
 * among our users. Records point at persons, not straight at users, so that matching happens
 * once per person (not per record) and a late match or a manual link reaches every record of
 * the person at once. `user_id` is null while nobody matches: the person waits in the
 * unmatched queue with the values it carried.
 */
@Entity({ name: 'external_person' })
@Index('external_person_key', ['system', 'personKey'], { unique: true })
@Index('external_person_account_idx', ['system', 'accountId'])
@Index('external_person_user_idx', ['userId'])
@Index('external_person_unmatched_idx', ['system', 'id'], { where: '"user_id" is null' })
// A learner's timeline looks for their EdReflect persons on every page; most persons are the LMS's.
@Index('external_person_edreflect_user_idx', ['userId'], { where: `"system" like 'edreflect:%'` })
export class ExternalPersonEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** The outside system (`lms`); keys are only unique within one. */
  @Column({ type: 'text' })
  system!: string;

  /** What tells the system's people apart: its account id when it sends one, else all values. */
  @Column({ type: 'text', name: 'person_key' })
  personKey!: string;

  /** The identifying values the system sent, by its field name (`{"username": "jdoe"}`). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  values!: Record<string, string>;

  /** The value of the mapping's account field: what a redeemed link key ties to a user. */
  @Column({ type: 'text', name: 'account_id', nullable: true })
  accountId!: string | null;

  /** The source's rules (field -> identifier kinds) these values are matched with. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  rules!: { field: string; kinds: string[] }[];

  @Column({ type: 'bigint', name: 'user_id', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  /** A MatchStatus. */
  @Column({ type: 'text', default: 'UNMATCHED' })
  status!: string;

  /** A MatchMethod, while matched. MANUAL links are never undone by automatic matching. */
  @Column({ type: 'text', nullable: true })
  method!: string | null;

  /** For an AMBIGUOUS person: every user its values point at. */
  @Column({ type: 'bigint', name: 'candidate_user_ids', array: true, default: () => "'{}'" })
  candidateUserIds!: string[];

  @Column({ type: 'timestamptz', name: 'matched_at', nullable: true })
  matchedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
