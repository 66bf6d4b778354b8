/** A `learning_item` row as the graph reads it (alias `i`). */
export interface LearningItemRow {
  readonly id: string;
  readonly system: string;
  readonly kind: string;
  readonly name: string;
  readonly validity_months: number | null;
  readonly validity_days: number | null;
}

/** The columns of a LearningItemRow, read from `learning_item` under `alias`. */
export const itemColumns = (alias: string): string => ['id', 'system', 'kind', 'name', 'validity_months', 'validity_days'].map((c) => `${alias}.${c}`).join(', ');

export const ITEM_COLUMNS = itemColumns('i');

/**
 * One timeline entry, from `learning_record` or from the roster's `enrollment` (see the
 * timeline query): the columns every kind has, and the kind's own in `details`.
 */
export interface HistoryRow {
  readonly entry_kind: string;
  readonly id: string;
  readonly occurred_at: Date;
  readonly user_id: string | null;
  readonly system: string;
  readonly status: string;
  readonly status_text: string | null;
  /** numeric, as text (pg keeps its precision). */
  readonly score: string | null;
  readonly attempt: number | null;
  readonly completed_at: Date | null;
  readonly valid_until: Date | null;
  readonly item_id: string | null;
  readonly title: string;
  readonly details: Record<string, unknown>;
  readonly person_id: string | null;
}

/** The columns of a `learning_record r` joined to its `learning_item i`, shaped as a HistoryRow. */
export const RECORD_HISTORY_COLUMNS = `r.kind as entry_kind, r.id, r.occurred_at, r.user_id, r.system, r.status, r.status_text, r.score, r.attempt,
  r.completed_at, r.valid_until, r.item_id, coalesce(i.name, '') as title, r.details, r.person_id`;

/**
 * The same, without the join: the item's name by primary key per row, so that a page read in
 * index order keeps that order and stops at its last row.
 */
export const RECORD_TIMELINE_COLUMNS = `r.kind as entry_kind, r.id, r.occurred_at, r.user_id, r.system, r.status, r.status_text, r.score, r.attempt,
  r.completed_at, r.valid_until, r.item_id, coalesce((select i.name from learning_item i where i.id = r.item_id), '') as title, r.details, r.person_id`;

/** A record's status history rows. */
export interface StatusChangeRow {
  readonly id: string;
  readonly record_id: string;
  readonly status: string;
  readonly status_text: string | null;
  readonly occurred_at: Date;
  readonly completed_at: Date | null;
  readonly as_of: string;
  readonly recorded_at: Date;
}
