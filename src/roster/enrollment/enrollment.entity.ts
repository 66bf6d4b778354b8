import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { RosterClassEntity } from '../class/class.entity';
import { OrgEntity } from '../org/org.entity';
import { SOURCED_ID_COLUMN } from '../shared/key-columns';
import { RosterRecordColumns } from '../shared/roster-record.columns';
import { UserEntity } from '../user/user.entity';

/**
 * A user in a class. Whether it is current is said by the begin and end dates, never by
 * `status` alone: an active enrollment with a past end date is history.
 */
@Entity({ name: 'enrollment' })
@Index('enrollment_source_key', ['system', 'sourcedId'], { unique: true })
@Index('enrollment_class_idx', ['classId', 'id'])
@Index('enrollment_user_idx', ['userId', 'id'])
@Index('enrollment_school_idx', ['schoolId', 'id'])
@Check('enrollment_status_check', `"status" in ('active', 'tobedeleted')`)
export class EnrollmentEntity extends RosterRecordColumns {
  @Column(SOURCED_ID_COLUMN)
  sourcedId!: string;

  @Column({ type: 'bigint', name: 'class_id' })
  classId!: string;

  @ManyToOne(() => RosterClassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  class?: Relation<RosterClassEntity>;

  @Column({ type: 'bigint', name: 'school_id' })
  schoolId!: string;

  @ManyToOne(() => OrgEntity)
  @JoinColumn({ name: 'school_id' })
  school?: Relation<OrgEntity>;

  @Column({ type: 'bigint', name: 'user_id' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  /** administrator, proctor, student, teacher, or a 1.2 `ext:` token. */
  @Column({ type: 'text' })
  role!: string;

  /** OneRoster's `primary` (reserved in SQL, hence the name): the class's lead teacher. */
  @Column({ type: 'boolean', name: 'is_primary', default: false })
  primary!: boolean;

  @Column({ type: 'date', name: 'begin_date', nullable: true })
  beginDate!: string | null;

  @Column({ type: 'date', name: 'end_date', nullable: true })
  endDate!: string | null;
}
