import { toGlobalId } from '../../graphql/relay/global-id';
import type { LearningItemKind } from '../model/learning-kind';
import type { LearningItemRow } from '../model/record-rows';
import { LearningItem, ValidityPeriod } from './learning-item.types';

export function toLearningItem(row: LearningItemRow): LearningItem {
  const hasValidity = row.validity_months !== null || row.validity_days !== null;
  return Object.assign(new LearningItem(), {
    id: toGlobalId('LearningItem', row.id),
    localId: row.id,
    kind: row.kind as LearningItemKind,
    source: row.system,
    name: row.name,
    validityPeriod: hasValidity ? Object.assign(new ValidityPeriod(), { months: row.validity_months ?? 0, days: row.validity_days ?? 0 }) : null,
  });
}
