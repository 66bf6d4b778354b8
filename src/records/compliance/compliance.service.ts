import { queryPrepared } from '../../db/prepared';
import { raw, sql, type Sql } from '../../db/sql';
import type { ListQuery, Queryable } from '../../graphql/relay/keyset';
import { prefixedColumns } from '../../db/prefixed-columns';
import { orgSubtree } from '../../roster';
import { DomainError } from '../../shared/domain-error';
import type { HoldingRow } from './compliance.mapper';
import { holdingsOf, statusOf } from './compliance.sql';
import { itemColumns, type LearningItemRow } from '../model/record-rows';

const HELD_ITEM_COLUMNS = prefixedColumns(itemColumns('hi'), 'hi', '__hi_');
const VIA_ITEM_COLUMNS = prefixedColumns(itemColumns('vi'), 'vi', '__vi_');

/** A row of `holdings`' statement: the holding, its item's columns (`__hi_`) and the completed item's (`__vi_`, null when the same). */
interface PrefixedHoldingRow extends HoldingRow {
  readonly __hi_id: string;
  readonly __hi_system: string;
  readonly __hi_kind: string;
  readonly __hi_name: string;
  readonly __hi_validity_months: number | null;
  readonly __hi_validity_days: number | null;
  readonly __vi_id: string | null;
  readonly __vi_system: string;
  readonly __vi_kind: string;
  readonly __vi_name: string;
  readonly __vi_validity_months: number | null;
  readonly __vi_validity_days: number | null;
}

// Spelled out rather than split off by prefix (takePrefixed): every holding of a page goes through these.
const heldItemOf = (row: PrefixedHoldingRow): LearningItemRow => ({
  id: row.__hi_id,
  system: row.__hi_system,
  kind: row.__hi_kind,
  name: row.__hi_name,
  validity_months: row.__hi_validity_months,
  validity_days: row.__hi_validity_days,
});

const viaItemOf = (row: PrefixedHoldingRow): LearningItemRow => ({
  id: row.__vi_id as string,
  system: row.__vi_system,
  kind: row.__vi_kind,
  name: row.__vi_name,
  validity_months: row.__vi_validity_months,
  validity_days: row.__vi_validity_days,
});

export const DEFAULT_WINDOW_DAYS = 30;

/** Windows are whole days, up to ten years. */
export function checkWindow(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > 3660) throw new DomainError('BAD_USER_INPUT', '`within` must be 0-3660 days', { field: 'within' });
  return days;
}

/** Compliance: what users hold, and what expires. */
export class ComplianceService {
  constructor(private readonly db: Queryable) {}

  /**
   * Holdings of many users in one statement (the per-request loader's batch), soonest expiry
   * first: each user's through a LATERAL subquery along that user's completions, so the plan
   * is the same whatever the users and stays cached (prepared, generic plan). Each row carries
   * its item and the item completed (`itemRow`, `viaItemRow`), read as prefixed columns; the
   * completed item's columns only when it is another item (mostly it is the same one).
   * The items are joined once to all users' holdings: `offset 0` keeps the planner from
   * moving those joins into the per-user subquery, where it hashed the whole item table
   * again for every user (a third of the statement's time on a page of 20 users).
   */
  async holdings(userIds: readonly string[], days: number): Promise<Map<string, HoldingRow[]>> {
    const statement = sql`select h.*, ${statusOf('h.valid_until', days)} as status, ${raw(HELD_ITEM_COLUMNS)}, ${raw(VIA_ITEM_COLUMNS)}
        from (select h.* from unnest(${[...userIds]}::bigint[]) as u(id) cross join lateral ${holdingsOf(raw('u.id'))} h offset 0) h
        join learning_item hi on hi.id = h.item_id
        left join learning_item vi on vi.id = h.via_item_id and h.via_item_id <> h.item_id
       order by h.user_id, h.valid_until, h.item_id`.render();
    const rows = (await queryPrepared(this.db, statement.text, statement.values, 'generic')) as PrefixedHoldingRow[];
    const byUser = new Map<string, HoldingRow[]>(userIds.map((id) => [id, []]));
    for (const row of rows) {
      const itemRow = heldItemOf(row);
      const holding: HoldingRow = {
        user_id: row.user_id,
        item_id: row.item_id,
        via_item_id: row.via_item_id,
        record_id: row.record_id,
        completed_at: row.completed_at,
        valid_until: row.valid_until,
        status: row.status,
        itemRow,
        viaItemRow: row.__vi_id === null ? itemRow : viaItemOf(row),
      };
      byUser.get(row.user_id)?.push(holding);
    }
    return byUser;
  }

  /**
   * Who is out of date or about to be: holdings that expire within `days` (and, when asked,
   * those already expired), of users with a role at the org or below it (everyone without an
   * org), soonest first.
   */
  expiringQuery(orgId: string | null, days: number, includeExpired: boolean): ListQuery {
    const users: Sql = orgId
      ? sql`select r.user_id from role r where r.deleted_at is null and r.org_id in ${orgSubtree(orgId)}`
      : raw('select u.id from roster_user u where u.deleted_at is null');
    const where: Sql[] = [sql`x.valid_until < now() + make_interval(days => ${days}::integer)`];
    if (!includeExpired) where.push(raw('x.valid_until >= now()'));
    return {
      key: `expiring:${days}:${includeExpired}`,
      select: raw('x.*'),
      from: sql`(select h.*, ${statusOf('h.valid_until', days)} as status from ${holdingsOf(users)} h) x`,
      where,
      order: [
        { expr: 'x.valid_until', direction: 'asc' },
        { expr: 'x.user_id', direction: 'asc' },
        { expr: 'x.item_id', direction: 'asc' },
      ],
    };
  }
}
