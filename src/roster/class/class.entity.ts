import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CourseEntity } from '../course/course.entity';
import { OrgEntity } from '../org/org.entity';
import { SOURCED_ID_COLUMN } from '../shared/key-columns';
import { RosterRecordColumns } from '../shared/roster-record.columns';

/** A class (section) of a course, taught at a school, in one or more terms (`class_term`). */
@Entity({ name: 'class' })
@Index('class_source_key', ['system', 'sourcedId'], { unique: true })
@Index('class_course_idx', ['courseId', 'id'])
@Index('class_school_idx', ['schoolId', 'id'])
@Check('class_status_check', `"status" in ('active', 'tobedeleted')`)
export class RosterClassEntity extends RosterRecordColumns {
  @Column(SOURCED_ID_COLUMN)
  sourcedId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  grades!: string[];

  @Column({ type: 'bigint', name: 'course_id' })
  courseId!: string;

  @ManyToOne(() => CourseEntity)
  @JoinColumn({ name: 'course_id' })
  course?: Relation<CourseEntity>;

  @Column({ type: 'text', name: 'class_code', nullable: true })
  classCode!: string | null;

  /** homeroom or scheduled. */
  @Column({ type: 'text', name: 'class_type' })
  classType!: string;

  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Column({ type: 'bigint', name: 'school_id' })
  schoolId!: string;

  @ManyToOne(() => OrgEntity)
  @JoinColumn({ name: 'school_id' })
  school?: Relation<OrgEntity>;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  subjects!: string[];

  @Column({ type: 'text', name: 'subject_codes', array: true, default: () => "'{}'" })
  subjectCodes!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  periods!: string[];
}
