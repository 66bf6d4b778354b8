import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { SOURCED_ID_COLUMN } from '../shared/key-columns';
import { RosterRecordColumns } from '../shared/roster-record.columns';

/** A school year, semester, term or grading period; sessions form a tree through `parent_id`. */
@Entity({ name: 'academic_session' })
@Index('academic_session_source_key', ['system', 'sourcedId'], { unique: true })
@Index('academic_session_parent_idx', ['parentId', 'id'])
@Check('academic_session_status_check', `"status" in ('active', 'tobedeleted')`)
export class AcademicSessionEntity extends RosterRecordColumns {
  @Column(SOURCED_ID_COLUMN)
  sourcedId!: string;

  @Column({ type: 'text' })
  title!: string;

  /** gradingPeriod, semester, schoolYear, term, or a 1.2 `ext:` token. */
  @Column({ type: 'text' })
  type!: string;

  /** Stored as sent; OneRoster 1.1 calls the end exclusive, SIS exports usually send the last day. */
  @Column({ type: 'date', name: 'start_date' })
  startDate!: string;

  @Column({ type: 'date', name: 'end_date' })
  endDate!: string;

  /** The calendar year in which the school year ends (2020-21 is 2021). */
  @Column({ type: 'integer', name: 'school_year' })
  schoolYear!: number;

  @Column({ type: 'bigint', name: 'parent_id', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => AcademicSessionEntity)
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<AcademicSessionEntity>;
}
