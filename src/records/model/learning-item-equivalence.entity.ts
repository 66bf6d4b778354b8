import { Check, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { LearningItemEntity } from './learning-item.entity';

/** Completing `equivalent_item_id` counts as completing `item_id` (one way; add both rows for mutual). */
@Entity({ name: 'learning_item_equivalence' })
@Index('learning_item_equivalence_reverse_idx', ['equivalentItemId'])
@Check('learning_item_equivalence_distinct_check', `"item_id" <> "equivalent_item_id"`)
export class LearningItemEquivalenceEntity {
  @PrimaryColumn({ type: 'bigint', name: 'item_id' })
  itemId!: string;

  @ManyToOne(() => LearningItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: Relation<LearningItemEntity>;

  @PrimaryColumn({ type: 'bigint', name: 'equivalent_item_id' })
  equivalentItemId!: string;

  @ManyToOne(() => LearningItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'equivalent_item_id' })
  equivalentItem?: Relation<LearningItemEntity>;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
