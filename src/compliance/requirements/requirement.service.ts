import { raw, sql } from '../../db/sql';
import type { ListQuery, Queryable } from '../../graphql/relay/keyset';
import { DomainError, notFound } from '../../shared/domain-error';
import { REQUIREMENT_COLUMNS, type RequirementRow } from './requirement-rows';
import { RequirementTarget } from './requirement.types';

export interface NewRequirement {
  readonly itemId: string;
  readonly orgId: string | null;
  readonly role: string | null;
  readonly classId: string | null;
  readonly dueOn: string | null;
  readonly validForMonths: number | null;
}

/** Learning requirements: who must hold which item, by when, how often. */
export class RequirementService {
  constructor(private readonly db: Queryable) {}

  /**
   * Adds a requirement. The target follows from what is given: a class (CLASS), a role name
   * (ROLE, within the org's subtree when an org is given too) or an org alone (ORG). Checked
   * before anything is written; the same assignment twice is a CONFLICT.
   */
  async assign(given: NewRequirement): Promise<RequirementRow> {
    const input = { ...given, role: given.role === null ? null : given.role.trim() };
    const target = targetOf(input);
    if (input.dueOn === null && input.validForMonths === null) {
      throw new DomainError('BAD_USER_INPUT', 'Give `dueOn`, `validForMonths` or both', { field: 'dueOn' });
    }
    if (input.validForMonths !== null && (!Number.isInteger(input.validForMonths) || input.validForMonths < 1 || input.validForMonths > 600)) {
      throw new DomainError('BAD_USER_INPUT', '`validForMonths` must be 1-600', { field: 'validForMonths' });
    }
    if (input.dueOn !== null && !/^\d{4}-\d{2}-\d{2}$/.test(input.dueOn)) {
      throw new DomainError('BAD_USER_INPUT', '`dueOn` must be a date (YYYY-MM-DD)', { field: 'dueOn' });
    }
    const statement = sql`with
        item as (select id from learning_item where id = ${input.itemId}),
        org as (select id from org where id = ${input.orgId}::bigint and deleted_at is null),
        klass as (select id from class where id = ${input.classId}::bigint and deleted_at is null),
        same as (
          select id from learning_requirement
           where item_id = ${input.itemId} and target = ${target} and org_id is not distinct from ${input.orgId}::bigint
             and role is not distinct from ${input.role}::text and class_id is not distinct from ${input.classId}::bigint
        ),
        added as (
          insert into learning_requirement (item_id, target, org_id, role, class_id, due_on, valid_months)
          select ${input.itemId}, ${target}, ${input.orgId}::bigint, ${input.role}::text, ${input.classId}::bigint, ${input.dueOn}::date, ${input.validForMonths}::integer
           where exists (select 1 from item)
             and (${input.orgId}::bigint is null or exists (select 1 from org))
             and (${input.classId}::bigint is null or exists (select 1 from klass))
             and not exists (select 1 from same)
          returning *
        )
      select (select count(*) from item)::int as item, (select count(*) from org)::int as org, (select count(*) from klass)::int as klass,
             (select min(id) from same)::text as same,
             (select row_to_json(x) from (select ${raw(REQUIREMENT_COLUMNS)} from added q) x) as row`.render();
    const [result] = (await this.db.query(statement.text, statement.values)) as {
      item: number;
      org: number;
      klass: number;
      same: string | null;
      row: (Omit<RequirementRow, 'created_at'> & { created_at: string }) | null;
    }[];
    if (!result?.item) throw notFound('LearningItem', input.itemId);
    if (input.orgId !== null && !result.org) throw notFound('Org', input.orgId);
    if (input.classId !== null && !result.klass) throw notFound('Class', input.classId);
    if (result.same) throw new DomainError('CONFLICT', `The same requirement exists already (LearningRequirement ${result.same})`, { id: result.same });
    const row = result.row as Omit<RequirementRow, 'created_at'> & { created_at: string };
    return { ...row, created_at: new Date(row.created_at) };
  }

  async remove(id: string): Promise<void> {
    const rows = (await this.db.query(`delete from learning_requirement where id = $1 returning id`, [id])) as unknown[];
    if (rows.length === 0) throw notFound('LearningRequirement', id);
  }

  async getMany(ids: readonly string[]): Promise<(RequirementRow | null)[]> {
    const rows = (await this.db.query(`select ${REQUIREMENT_COLUMNS} from learning_requirement q where q.id = any($1::bigint[])`, [ids])) as RequirementRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Every requirement, newest first, optionally of one item. */
  listQuery(itemId: string | null): ListQuery {
    return {
      key: `requirements:${itemId ?? ''}`,
      select: raw(REQUIREMENT_COLUMNS),
      from: raw('learning_requirement q'),
      where: itemId ? [sql`q.item_id = ${itemId}`] : [],
      order: [{ expr: 'q.id', direction: 'desc' }],
    };
  }
}

function targetOf(input: NewRequirement): RequirementTarget {
  if (input.classId !== null) {
    if (input.orgId !== null || input.role !== null) {
      throw new DomainError('BAD_USER_INPUT', 'A class requirement takes no `orgId` or `role`', { field: 'classId' });
    }
    return RequirementTarget.CLASS;
  }
  if (input.role !== null) {
    if (input.role.trim() === '') throw new DomainError('BAD_USER_INPUT', '`role` must not be empty', { field: 'role' });
    return RequirementTarget.ROLE;
  }
  if (input.orgId !== null) return RequirementTarget.ORG;
  throw new DomainError('BAD_USER_INPUT', 'Give an `orgId`, a `role` or a `classId`', { field: 'orgId' });
}
