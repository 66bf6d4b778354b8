import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { AcademicSessionEntity } from '../academic-session/academic-session.entity';
import { OrgEntity } from '../org/org.entity';
import { SOURCED_ID_COLUMN } from '../shared/key-columns';
import { RosterRecordColumns } from '../shared/roster-record.columns';

/** A course in the catalogue of an org; classes are its sections. */
@Entity({ name: 'course' })
@Index('course_source_key', ['system', 'sourcedId'], { unique: true })
@Index('course_org_idx', ['orgId', 'id'])
@Index('course_school_year_idx', ['schoolYearId', 'id'])
@Check('course_status_check', `"status" in ('active', 'tobedeleted')`)
export class CourseEntity extends RosterRecordColumns {
  @Column(SOURCED_ID_COLUMN)
  sourcedId!: string;

  @Column({ type: 'text' })
  title!: string;

  /** The session of type schoolYear the course belongs to; optional in OneRoster. */
  @Column({ type: 'bigint', name: 'school_year_id', nullable: true })
  schoolYearId!: string | null;

  @ManyToOne(() => AcademicSessionEntity)
  @JoinColumn({ name: 'school_year_id' })
  schoolYear?: Relation<AcademicSessionEntity>;

  @Column({ type: 'text', name: 'course_code', nullable: true })
  courseCode!: string | null;

  /** CEDS grade levels, kept as text: the leading zero of `09` matters. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  grades!: string[];

  @Column({ type: 'bigint', name: 'org_id' })
  orgId!: string;

  @ManyToOne(() => OrgEntity)
  @JoinColumn({ name: 'org_id' })
  org?: Relation<OrgEntity>;

  /** Parallel to `subject_codes`: same length and order. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  subjects!: string[];

  @Column({ type: 'text', name: 'subject_codes', array: true, default: () => "'{}'" })
  subjectCodes!: string[];
}
