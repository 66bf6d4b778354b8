/** An `external_person` row as the graph reads it (`p` alias). */
export interface PersonRow {
  readonly id: string;
  readonly system: string;
  readonly values: Record<string, string>;
  readonly account_id: string | null;
  readonly user_id: string | null;
  readonly status: string;
  readonly method: string | null;
  readonly candidate_user_ids: string[];
  readonly matched_at: Date | null;
}

export const PERSON_COLUMNS = 'p.id, p.system, p.values, p.account_id, p.user_id, p.status, p.method, p.candidate_user_ids, p.matched_at';
