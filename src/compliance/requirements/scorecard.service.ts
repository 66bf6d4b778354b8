import { raw, sql } from '../../db/sql';
import type { ListQuery, Queryable } from '../../graphql/relay/keyset';
import { orgSubtree } from '../../roster';
import { DomainError } from '../../shared/domain-error';
import type { PersonStateRow, RequirementStateRow } from './requirement-rows';
import { peopleOf, requirementStatesOf, STATES_WORST_FIRST } from './requirement-states.sql';
import type { RequirementState } from './requirement.types';

export const DEFAULT_EXPIRING_DAYS = 30;

/** Windows are whole days, up to ten years. */
export function checkExpiringWithin(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > 3660) throw new DomainError('BAD_USER_INPUT', '`expiringWithin` must be 0-3660 days', { field: 'expiringWithin' });
  return days;
}

const STATE_ARRAY = raw(`array[${STATES_WORST_FIRST.map((s) => `'${s}'`).join(', ')}]::text[]`);

/** Scorecards of people and of whole orgs, each one set-based statement. */
export class ScorecardService {
  constructor(private readonly db: Queryable) {}

  /** The scorecards of many users in one statement (the per-request loader's batch), by item name. */
  async scorecards(userIds: readonly string[], days: number): Promise<Map<string, RequirementStateRow[]>> {
    const statement = sql`select s.user_id::text, s.requirement_id::text, s.item_id::text, to_char(s.due_on, 'YYYY-MM-DD') as due_on,
          s.record_id::text, s.via_item_id::text, s.completed_at, s.valid_until, s.state
        from ${requirementStatesOf(sql`select unnest(${[...userIds]}::bigint[])`, days)} s
        join learning_item i on i.id = s.item_id
       order by s.user_id, i.name, s.requirement_id`.render();
    const rows = (await this.db.query(statement.text, statement.values)) as RequirementStateRow[];
    const byUser = new Map<string, RequirementStateRow[]>(userIds.map((id) => [id, []]));
    for (const row of rows) byUser.get(row.user_id)?.push(row);
    return byUser;
  }

  /**
   * People of an org (a live role there or below) with at least one requirement, each at their
   * worst state, by family name, given name and id; optionally only those in `state`. Every row
   * also carries the org's counts per state (window aggregates over all of its people, taken
   * before the state filter and the cursor apply), so a page and its counts are one statement.
   */
  orgPeopleQuery(orgId: string, state: RequirementState | null, days: number): ListQuery {
    const states = requirementStatesOf(peopleOf(orgSubtree(orgId)), days);
    const count = (s: string): string => `count(*) filter (where p.state = '${s}') over ()::int`;
    return {
      // The state filter is left out of the key: a position by name is one in every state's list.
      key: `org-compliance:${orgId}:${days}`,
      select: raw('x.*'),
      from: sql`(
        select p.user_id::text, p.state, p.requirements, p.met, u.family_name, u.given_name, u.id as uid,
               count(*) over ()::int as n_total, ${raw(count('MET'))} as n_met, ${raw(count('MET_BY_EQUIVALENT'))} as n_met_by_equivalent,
               ${raw(count('EXPIRING'))} as n_expiring, ${raw(count('EXPIRED'))} as n_expired, ${raw(count('OVERDUE'))} as n_overdue,
               ${raw(count('NOT_STARTED'))} as n_not_started
          from (
            select s.user_id, (${STATE_ARRAY})[min(s.rank)] as state, count(*)::int as requirements,
                   count(*) filter (where s.state in ('MET', 'MET_BY_EQUIVALENT', 'EXPIRING'))::int as met
              from ${states} s group by s.user_id
          ) p join roster_user u on u.id = p.user_id and u.deleted_at is null
      ) x`,
      where: state ? [sql`x.state = ${state}`] : [],
      order: [
        { expr: 'x.family_name', direction: 'asc' },
        { expr: 'x.given_name', direction: 'asc' },
        { expr: 'x.uid', direction: 'asc' },
      ],
    };
  }

  /** The counts alone, for a page that came back empty (no row to carry them). */
  async orgCounts(orgId: string, days: number): Promise<PersonStateRow | undefined> {
    const query = this.orgPeopleQuery(orgId, null, days);
    const statement = sql`select x.* from ${query.from} limit 1`.render();
    const rows = (await this.db.query(statement.text, statement.values)) as PersonStateRow[];
    return rows[0];
  }
}
