import DataLoader from 'dataloader';
import { type AccessScope, visibleClause } from '../auth/scope/access-scope';
import { byIdLoader, groupedLoader } from '../graphql/batch-loaders';
import type { Queryable } from '../graphql/relay/keyset';
import type { HoldingRow } from './compliance/compliance.mapper';
import type { ComplianceService } from './compliance/compliance.service';
import { type HistoryRow, ITEM_COLUMNS, type LearningItemRow, RECORD_HISTORY_COLUMNS, type StatusChangeRow } from './model/record-rows';

/** Per-request batching for learning records and items; one statement per batch. */
export interface RecordsLoaders {
  readonly item: DataLoader<string, LearningItemRow | null>;
  readonly record: DataLoader<string, HistoryRow | null>;
  /** A record's status history, oldest first. */
  readonly statusHistory: DataLoader<string, StatusChangeRow[]>;
  /** Items whose completion counts as the keyed item's. */
  readonly equivalents: DataLoader<string, LearningItemRow[]>;
  /** Items the keyed item's completion counts for. */
  readonly countsAs: DataLoader<string, LearningItemRow[]>;
  /** Holdings by user, for a window of days (one loader per window asked for in the request). */
  compliance(days: number): DataLoader<string, HoldingRow[]>;
}

/** @param scope a scoped key's org subtree: records of users it may not see load as null. */
export function createRecordsLoaders(db: Queryable, compliance: ComplianceService, scope: AccessScope | null = null): RecordsLoaders {
  const byWindow = new Map<number, DataLoader<string, HoldingRow[]>>();
  const visibleRecord = visibleClause(scope, 'learningRecord', 'r', 2);
  const item = byIdLoader<LearningItemRow>(db, ITEM_COLUMNS, 'learning_item i', 'i');
  return {
    item,
    record: byIdLoader<HistoryRow>(db, RECORD_HISTORY_COLUMNS, 'learning_record r left join learning_item i on i.id = r.item_id', 'r', visibleRecord),
    statusHistory: groupedLoader(
      db,
      `select s.id, s.record_id, s.status, s.status_text, s.occurred_at, s.completed_at, to_char(s.as_of, 'YYYY-MM-DD') as as_of, s.recorded_at,
              s.record_id::text as "__key"
         from learning_record_status s where s.record_id = any($1::bigint[]) order by s.record_id, s.id`,
    ),
    equivalents: groupedLoader(
      db,
      `select ${ITEM_COLUMNS}, e.item_id::text as "__key" from learning_item_equivalence e join learning_item i on i.id = e.equivalent_item_id
        where e.item_id = any($1::bigint[]) order by i.name, i.id`,
    ),
    countsAs: groupedLoader(
      db,
      `select ${ITEM_COLUMNS}, e.equivalent_item_id::text as "__key" from learning_item_equivalence e join learning_item i on i.id = e.item_id
        where e.equivalent_item_id = any($1::bigint[]) order by i.name, i.id`,
    ),
    compliance(days: number) {
      let loader = byWindow.get(days);
      if (!loader) {
        loader = new DataLoader(async (userIds) => {
          const holdings = await compliance.holdings(userIds, days);
          // A holding's item and the item completed came with it: `item` and `satisfiedBy` cost no statement.
          for (const rows of holdings.values()) {
            for (const row of rows) {
              if (row.itemRow) item.prime(row.item_id, row.itemRow);
              if (row.viaItemRow && row.via_item_id !== row.item_id) item.prime(row.via_item_id, row.viaItemRow);
            }
          }
          return userIds.map((id) => holdings.get(id) ?? []);
        });
        byWindow.set(days, loader);
      }
      return loader;
    },
  };
}
