import type { NodeRegistry } from '../../graphql/relay/node-registry';
import { RECORD_TYPES } from '../../records/history/history.types';

/**
 * Node types whose loaders a scope narrows. `node(id)`, `nodes(ids)` and federation's
 * `_entities` (which resolves through `node(id)`) return null for every other type to a scoped
 * key, exactly as for an id that does not exist, so nothing reveals that it does.
 */
export const SCOPED_NODE_TYPES: ReadonlySet<string> = new Set([
  'Org',
  'AcademicSession',
  'Course',
  'Class',
  'User',
  'UserIdentifier',
  'Role',
  'Agent',
  'Enrollment',
  'Demographics',
  'LearningItem',
]);

/** Learning records load through a loader narrowed to the users a scope sees, whatever their kind. */
const RECORD_TYPE_NAMES: ReadonlySet<string> = new Set(Object.values(RECORD_TYPES).map((t) => t.name));

export function scopedNodes<L>(nodes: NodeRegistry<L>): NodeRegistry<L> {
  const allowed = (type: string): boolean => SCOPED_NODE_TYPES.has(type) || RECORD_TYPE_NAMES.has(type);
  return Object.fromEntries(Object.entries(nodes).filter(([type]) => allowed(type)));
}
