import { sql } from '../../db/sql';
import type { Queryable } from '../../graphql/relay/keyset';
import { orgSubtree } from '../../roster';
import { peopleOf, requirementStatesOf } from '../requirements/requirement-states.sql';

/** Where a batch ends: the last person's sort key. */
export interface PersonKey {
  readonly family_name: string;
  readonly given_name: string;
  readonly id: string;
}

/** One person's requirement (or, for a person without any, a row with null requirement columns). */
export interface ReportRow extends PersonKey {
  readonly username: string;
  readonly identifier: string | null;
  readonly email: string | null;
  readonly item: string | null;
  readonly state: string | null;
  readonly due_on: string | null;
  readonly completed_on: string | null;
  readonly valid_until: string | null;
  readonly satisfied_by: string | null;
  readonly record_id: string | null;
}

export const REPORT_HEADERS = ['Family name', 'Given name', 'Username', 'Identifier', 'Email', 'Requirement', 'State', 'Due on', 'Completed on', 'Valid until', 'Satisfied by', 'Record'];

/**
 * The scorecards of the next `size` people of the org (by family name, given name, id) after
 * `after`: one statement per batch, the same state computation as `Org.compliance`.
 */
export async function reportBatch(db: Queryable, orgId: string, days: number, after: PersonKey | null, size: number): Promise<ReportRow[]> {
  const cursor = after ? sql`and (u.family_name, u.given_name, u.id) > (${after.family_name}, ${after.given_name}, ${after.id}::bigint)` : sql``;
  const statement = sql`with batch as (
      select u.id, u.family_name, u.given_name, u.username, u.identifier, u.email from roster_user u
       where u.id in (${peopleOf(orgSubtree(orgId))}) and u.deleted_at is null ${cursor}
       order by u.family_name, u.given_name, u.id limit ${size}
    )
    select b.id::text, b.family_name, b.given_name, b.username, b.identifier, b.email, i.name as item, s.state,
           to_char(s.due_on, 'YYYY-MM-DD') as due_on, to_char(s.completed_at at time zone 'UTC', 'YYYY-MM-DD') as completed_on,
           to_char(s.valid_until at time zone 'UTC', 'YYYY-MM-DD') as valid_until, vi.name as satisfied_by, s.record_id::text
      from batch b
      left join ${requirementStatesOf(sql`select id from batch`, days)} s on s.user_id = b.id
      left join learning_item i on i.id = s.item_id
      left join learning_item vi on vi.id = s.via_item_id
     order by b.family_name, b.given_name, b.id, i.name, s.requirement_id`.render();
  return (await db.query(statement.text, statement.values)) as ReportRow[];
}
