import { ComplianceItem, ComplianceStatus, UserCompliance } from './compliance.types';

export interface HoldingRow {
  readonly user_id: string;
  readonly item_id: string;
  readonly via_item_id: string;
  readonly record_id: string;
  readonly completed_at: Date;
  readonly valid_until: Date;
  readonly status: string;
}

export function toComplianceItem(row: HoldingRow): ComplianceItem {
  return Object.assign(new ComplianceItem(), {
    userLocalId: row.user_id,
    itemLocalId: row.item_id,
    viaItemLocalId: row.via_item_id,
    recordLocalId: row.record_id,
    status: row.status as ComplianceStatus,
    completedAt: row.completed_at,
    validUntil: row.valid_until,
  });
}

export function toUserCompliance(rows: readonly HoldingRow[]): UserCompliance {
  const items = rows.map(toComplianceItem);
  const count = (s: ComplianceStatus): number => items.filter((i) => i.status === s).length;
  const expired = count(ComplianceStatus.EXPIRED);
  const expiring = count(ComplianceStatus.EXPIRING);
  return Object.assign(new UserCompliance(), {
    status: expired > 0 ? ComplianceStatus.EXPIRED : expiring > 0 ? ComplianceStatus.EXPIRING : ComplianceStatus.VALID,
    expired,
    expiring,
    valid: count(ComplianceStatus.VALID),
    items,
  });
}
