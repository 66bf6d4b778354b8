import type { NodeRegistry } from '../../graphql/relay/node-registry';
import { key, type EdReflectLoaders } from './record.loaders';
import { MAPPERS } from './record.mapper';
import { RECORD_KINDS, ROW_TYPE } from './record-kinds';

/**
 * `node(id)` for every EdReflect type. A typed id loads only from its model's table; an
 * EdReflectRow id loads any stored row.
 */
export function edReflectNodes<L extends { edReflect: EdReflectLoaders }>(): NodeRegistry<L> {
  const nodes: Record<string, (loaders: L, id: string) => Promise<object | null>> = {
    [ROW_TYPE]: async ({ edReflect }, id) => {
      const row = await edReflect.row.load(id);
      return row && MAPPERS[ROW_TYPE]!(row);
    },
    EdReflectRubric: async ({ edReflect }, id) => {
      const row = await edReflect.row.load(id);
      return row?.table_name === 'rubrics' ? edReflect.rubric.load(key(row.system, row.row_id)) : null;
    },
  };
  for (const kind of RECORD_KINDS) {
    const map = MAPPERS[kind.type];
    if (!map) continue;
    nodes[kind.type] = async ({ edReflect }, id) => {
      const row = await edReflect.row.load(id);
      return row?.table_name === kind.table ? map(row) : null;
    };
  }
  return nodes;
}
