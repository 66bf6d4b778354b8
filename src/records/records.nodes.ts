import type { NodeRegistry } from '../graphql/relay/node-registry';
import { toLearningRecord } from './history/history.mapper';
import { RECORD_TYPES } from './history/history.types';
import { toLearningItem } from './items/learning-item.mapper';
import type { RecordsLoaders } from './records.loaders';

/** `node(id)` for items and for each record type (a record's id names its type, so it only loads as that type). */
export function recordsNodes<L extends { records: RecordsLoaders }>(): NodeRegistry<L> {
  const nodes: Record<string, (loaders: L, id: string) => Promise<object | null>> = {
    LearningItem: async ({ records }, id) => {
      const row = await records.item.load(id);
      return row ? toLearningItem(row) : null;
    },
  };
  for (const [kind, type] of Object.entries(RECORD_TYPES)) {
    nodes[type.name] = async ({ records }, id) => {
      const row = await records.record.load(id);
      return row && row.entry_kind === kind ? toLearningRecord(row) : null;
    };
  }
  return nodes;
}
