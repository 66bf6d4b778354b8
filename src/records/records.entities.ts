import { LearningItemEquivalenceEntity } from './model/learning-item-equivalence.entity';
import { LearningItemEntity } from './model/learning-item.entity';
import { LearningRecordStatusEntity } from './model/learning-record-status.entity';
import { LearningRecordEntity } from './model/learning-record.entity';
import { ExternalRecordReceiptEntity } from './external/external-record-receipt.entity';

/** The records domain's tables, in dependency order. */
export const recordsEntities: Function[] = [LearningItemEntity, LearningItemEquivalenceEntity, LearningRecordEntity, LearningRecordStatusEntity, ExternalRecordReceiptEntity];
