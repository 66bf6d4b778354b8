import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { SOURCED_ID_COLUMN } from '../shared/key-columns';
import { RosterRecordColumns } from '../shared/roster-record.columns';

/** An organisation: a school, its district, a department. Orgs form a tree through `parent_id`. */
@Entity({ name: 'org' })
@Index('org_source_key', ['system', 'sourcedId'], { unique: true })
@Index('org_parent_idx', ['parentId', 'id'])
@Check('org_status_check', `"status" in ('active', 'tobedeleted')`)
export class OrgEntity extends RosterRecordColumns {
  /** Opaque and case-sensitive; unique per system. */
  @Column(SOURCED_ID_COLUMN)
  sourcedId!: string;

  @Column({ type: 'text' })
  name!: string;

  /** department, school, district, local, state, national, or a 1.2 `ext:` token. */
  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text', nullable: true })
  identifier!: string | null;

  /** Set in a second pass on import: a parent may come later in the same file. */
  @Column({ type: 'bigint', name: 'parent_id', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => OrgEntity)
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<OrgEntity>;
}
