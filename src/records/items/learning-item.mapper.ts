import { lazyGlobalId } from '../model/lazy-global-id';
import type { LearningItemKind } from '../model/learning-kind';
import type { LearningItemRow } from '../model/record-rows';
import { LearningItem, ValidityPeriod } from './learning-item.types';

lazyGlobalId(LearningItem, 'localId', () => 'LearningItem');

export function toLearningItem(row: LearningItemRow): LearningItem {
  const item = new LearningItem();
  item.localId = row.id;
  item.kind = row.kind as LearningItemKind;
  item.source = row.system;
  item.name = row.name;
  item.validityPeriod = row.validity_months !== null || row.validity_days !== null ? toValidityPeriod(row.validity_months ?? 0, row.validity_days ?? 0) : null;
  return item;
}

function toValidityPeriod(months: number, days: number): ValidityPeriod {
  const period = new ValidityPeriod();
  period.months = months;
  period.days = days;
  return period;
}
