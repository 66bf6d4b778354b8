import type DataLoader from 'dataloader';
import type { LearningItemRow } from '../model/record-rows';
import { ComplianceItem, ComplianceStatus, UserCompliance } from './compliance.types';

export interface HoldingRow {
  readonly user_id: string;
  readonly item_id: string;
  readonly via_item_id: string;
  readonly record_id: string;
  readonly completed_at: Date;
  readonly valid_until: Date;
  readonly status: string;
  /** The item and the item completed, when the statement read them too (ComplianceService.holdings). */
  readonly itemRow?: LearningItemRow;
  readonly viaItemRow?: LearningItemRow;
}

/** @param items the request's item loader: `item` and `satisfiedBy` of rows that came without them. */
export function toComplianceItem(row: HoldingRow, items: DataLoader<string, LearningItemRow | null>): ComplianceItem {
  const held = new ComplianceItem();
  held.userLocalId = row.user_id;
  held.itemLocalId = row.item_id;
  held.viaItemLocalId = row.via_item_id;
  held.recordLocalId = row.record_id;
  held.itemRow = row.itemRow ?? null;
  held.viaItemRow = row.viaItemRow ?? null;
  held.itemLoader = items;
  held.status = row.status as ComplianceStatus;
  held.completedAt = row.completed_at;
  held.validUntil = row.valid_until;
  return held;
}

export function toUserCompliance(rows: readonly HoldingRow[], items: DataLoader<string, LearningItemRow | null>): UserCompliance {
  const held: ComplianceItem[] = [];
  let expired = 0;
  let expiring = 0;
  for (const row of rows) {
    const item = toComplianceItem(row, items);
    if (item.status === ComplianceStatus.EXPIRED) expired++;
    else if (item.status === ComplianceStatus.EXPIRING) expiring++;
    held.push(item);
  }
  const compliance = new UserCompliance();
  compliance.status = expired > 0 ? ComplianceStatus.EXPIRED : expiring > 0 ? ComplianceStatus.EXPIRING : ComplianceStatus.VALID;
  compliance.expired = expired;
  compliance.expiring = expiring;
  compliance.valid = rows.length - expired - expiring;
  compliance.items = held;
  return compliance;
}
