import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { AcademicSessionEntity } from '../academic-session/academic-session.entity';
import { LinkColumns } from '../shared/link-columns';
import { RosterClassEntity } from './class.entity';

/** A class's `termSourcedIds`, one row per term; replaced with the class on import. */
@Entity({ name: 'class_term' })
@Index('class_term_key', ['classId', 'sessionId'], { unique: true })
@Index('class_term_session_idx', ['sessionId', 'classId'])
export class ClassTermEntity extends LinkColumns {
  @Column({ type: 'bigint', name: 'class_id' })
  classId!: string;

  @ManyToOne(() => RosterClassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  class?: Relation<RosterClassEntity>;

  @Column({ type: 'bigint', name: 'session_id' })
  sessionId!: string;

  @ManyToOne(() => AcademicSessionEntity)
  @JoinColumn({ name: 'session_id' })
  session?: Relation<AcademicSessionEntity>;
}
