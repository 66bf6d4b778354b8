import { queryRows } from '../../db/query-rows';
import { type AccessScope, visible } from '../../auth/scope/access-scope';
import { and, raw, sql, type Sql } from '../../db/sql';
import type { ListQuery, Queryable } from '../../graphql/relay/keyset';
import type { IdentityService } from '../../identity';
import { notFound } from '../../shared/domain-error';
import { LearningKind } from '../model/learning-kind';
import { type HistoryRow, RECORD_HISTORY_COLUMNS } from '../model/record-rows';
import { type HistoryCriteria, timelineQuery } from './history.query';
import { RECORD_TYPES } from './history.types';

/** Kinds stored in learning_record (the timeline's other branches are entries of other tables). */
const RECORD_KINDS: readonly string[] = Object.keys(RECORD_TYPES);

export interface UnmatchedCriteria {
  readonly source?: string | null;
  readonly kinds?: readonly LearningKind[] | null;
}

/** Nested lists are what NestedConnections batches: the query and the SQL naming each row's parent. */
export interface NestedList {
  readonly field: string;
  readonly query: ListQuery;
  readonly parentExpr: string;
  readonly shape: unknown;
}

/** Learning records: the timeline, an item's records, the unmatched queue, manual links. */
export class LearningRecordService {
  constructor(
    private readonly db: Queryable,
    private readonly identity: IdentityService,
    /** A scoped key's org subtree: enrollments outside it leave the timeline, records of users it cannot see leave item lists. */
    private readonly scope: AccessScope | null = null,
  ) {}

  /** A user's timeline (records and enrollments), batched over users; `columns` as timelineQuery takes them. */
  timeline(criteria: HistoryCriteria, columns?: string): NestedList {
    const query = timelineQuery(criteria, columns);
    const shape = [criteria, columns ?? null];
    if (!this.scope) return { field: 'User.learningHistory', query, parentExpr: 'h.user_id', shape };
    // The user is visible (the parent came through the scope), and so are their learning records;
    // their enrollments at other schools are not, nor entries read from domains a scope does not
    // narrow (EdReflect), which a scoped key may not reach at all.
    const enrollment = visible(this.scope, 'enrollment', 'se2');
    const scoped = sql`(h.entry_kind = any(${RECORD_KINDS}::text[])
      or (h.entry_kind = ${LearningKind.ENROLLMENT} and exists (select 1 from enrollment se2 where se2.id = h.id and ${and(enrollment)})))`;
    return { field: 'User.learningHistory', query: { ...query, where: [...query.where, scoped] }, parentExpr: 'h.user_id', shape };
  }

  /** An item's records, newest first, batched over items. */
  itemRecords(criteria: HistoryCriteria & { matched?: boolean | null }): NestedList {
    const where = this.recordConditions(criteria);
    if (criteria.matched != null) where.push(criteria.matched ? raw('r.user_id is not null') : raw('r.user_id is null'));
    where.push(...visible(this.scope, 'learningRecord', 'r'));
    return {
      field: 'LearningItem.records',
      query: { key: 'item-records', select: raw(RECORD_HISTORY_COLUMNS), from: raw('learning_record r join learning_item i on i.id = r.item_id'), where, order: NEWEST },
      parentExpr: 'r.item_id',
      shape: criteria,
    };
  }

  /** Records nobody is matched to yet (unmatched or ambiguous people), newest first. */
  unmatchedQuery(criteria: UnmatchedCriteria): ListQuery {
    const where: Sql[] = [raw('r.user_id is null')];
    if (criteria.source) where.push(sql`r.system = ${criteria.source}`);
    if (criteria.kinds?.length) where.push(sql`r.kind = any(${[...criteria.kinds]}::text[])`);
    return {
      key: 'unmatched-records',
      select: raw(RECORD_HISTORY_COLUMNS),
      from: raw('learning_record r left join learning_item i on i.id = r.item_id'),
      where,
      order: [{ expr: 'r.id', direction: 'desc' }],
    };
  }

  /**
   * Links the record's person to the user: this record and every other one that carried the
   * same identifying values from the same system (they are the same person), now and later.
   */
  async linkRecord(recordId: string, userId: string): Promise<HistoryRow> {
    const [record] = await queryRows<{ person_id: string }>(this.db, `select person_id from learning_record where id = $1`, [recordId]);
    if (!record) throw notFound('LearningRecord', recordId);
    await this.identity.linkPerson(record.person_id, userId);
    return this.get(recordId);
  }

  async get(recordId: string): Promise<HistoryRow> {
    const [row] = await queryRows<HistoryRow>(
      this.db,
      `select ${RECORD_HISTORY_COLUMNS} from learning_record r left join learning_item i on i.id = r.item_id where r.id = $1`,
      [recordId],
    );
    if (!row) throw notFound('LearningRecord', recordId);
    return row;
  }

  private recordConditions(criteria: HistoryCriteria): Sql[] {
    const where: Sql[] = [];
    if (criteria.from) where.push(sql`r.occurred_at >= ${criteria.from}`);
    if (criteria.to) where.push(sql`r.occurred_at < ${criteria.to}`);
    if (criteria.kinds?.length) where.push(sql`r.kind = any(${[...criteria.kinds]}::text[])`);
    if (criteria.statuses?.length) where.push(sql`r.status = any(${[...criteria.statuses]}::text[])`);
    return where;
  }
}

const NEWEST = [
  { expr: 'r.occurred_at', direction: 'desc' as const },
  { expr: 'r.id', direction: 'desc' as const },
];
