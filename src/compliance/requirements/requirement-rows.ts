/** A `learning_requirement` row as the graph reads it. */
export interface RequirementRow {
  readonly id: string;
  readonly item_id: string;
  readonly target: string;
  readonly org_id: string | null;
  readonly role: string | null;
  readonly class_id: string | null;
  readonly due_on: string | null;
  readonly valid_months: number | null;
  readonly created_at: Date;
}

/** Ids as text, so that they survive `row_to_json` exactly (bigints beyond 2^53 included). */
export const REQUIREMENT_COLUMNS = `q.id::text as id, q.item_id::text as item_id, q.target, q.org_id::text as org_id, q.role, q.class_id::text as class_id,
  to_char(q.due_on, 'YYYY-MM-DD') as due_on, q.valid_months, q.created_at`;

/** One row of requirementStatesOf. */
export interface RequirementStateRow {
  readonly user_id: string;
  readonly requirement_id: string;
  readonly item_id: string;
  readonly due_on: string | null;
  readonly record_id: string | null;
  readonly via_item_id: string | null;
  readonly completed_at: Date | null;
  readonly valid_until: Date | null;
  readonly state: string;
}

/** One row of the org's people list, with the org's counts per state on every row. */
export interface PersonStateRow {
  readonly user_id: string;
  readonly state: string;
  readonly requirements: number;
  readonly met: number;
  readonly n_total: number;
  readonly n_met: number;
  readonly n_met_by_equivalent: number;
  readonly n_expiring: number;
  readonly n_expired: number;
  readonly n_overdue: number;
  readonly n_not_started: number;
}
