import { raw, sql, type Sql } from '../../db/sql';
import type { ListQuery } from '../../graphql/relay/keyset';
import type { LearningKind } from '../model/learning-kind';
import type { LearningStatus } from '../model/learning-status';
import { RECORD_TIMELINE_COLUMNS } from '../model/record-rows';
import { EDREFLECT_TIMELINE_BRANCHES } from './edreflect-entries';
import { ALL_TIMELINE_COLUMNS } from './timeline-columns';

export interface HistoryCriteria {
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly kinds?: readonly LearningKind[] | null;
  readonly statuses?: readonly LearningStatus[] | null;
}

/**
 * The whole timeline as one relation: learning records (any kind, any source), the roster's
 * enrollments and EdReflect observations and goals (edreflect-entries.ts), as one UNION ALL
 * with the same columns. Postgres pushes the per-user
 * condition and filters into both branches, so each reads only that user's rows through its
 * index, and a page is one statement however many kinds there are. A new kind of record needs
 * nothing here; a new table of entries adds a branch.
 */
const TIMELINE = raw(`(
    select ${RECORD_TIMELINE_COLUMNS}
      from learning_record r
    union all
    select 'ENROLLMENT', e.id, coalesce(e.begin_date::timestamp at time zone 'UTC', e.created_at), e.user_id, e.system, 'ENROLLED', e.role,
           null::numeric, null::integer, null::timestamptz, null::timestamptz, null::bigint, c.title,
           jsonb_build_object('classId', e.class_id::text, 'beginDate', to_char(e.begin_date, 'YYYY-MM-DD'), 'endDate', to_char(e.end_date, 'YYYY-MM-DD')),
           null::bigint
      from enrollment e join class c on c.id = e.class_id
     where e.deleted_at is null
    union all${EDREFLECT_TIMELINE_BRANCHES}
  ) h`);

/**
 * Newest first, then id, then kind (ids of the two branches may be equal). The records branch
 * is read backwards along `(user_id, occurred_at, id)`, so a page stops after its last row.
 * `columns`: of `h`, all or those a client's selection needs (timeline-columns.ts); Postgres
 * computes only those in each branch.
 */
export function timelineQuery(criteria: HistoryCriteria, columns: string = ALL_TIMELINE_COLUMNS): ListQuery {
  const where: Sql[] = [];
  if (criteria.from) where.push(sql`h.occurred_at >= ${criteria.from}`);
  if (criteria.to) where.push(sql`h.occurred_at < ${criteria.to}`);
  if (criteria.kinds?.length) where.push(sql`h.entry_kind = any(${[...criteria.kinds]}::text[])`);
  if (criteria.statuses?.length) where.push(sql`h.status = any(${[...criteria.statuses]}::text[])`);
  return {
    key: 'timeline',
    select: raw(columns),
    from: TIMELINE,
    where,
    order: [
      { expr: 'h.occurred_at', direction: 'desc' },
      { expr: 'h.id', direction: 'desc' },
      { expr: 'h.entry_kind', direction: 'desc' },
    ],
  };
}

