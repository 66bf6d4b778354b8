/**
 * A table of some domain whose rows belong to an outside person and carry that person's user
 * for fast reads (`learning_record.person_id` / `user_id`). When matching changes a person's
 * user, identity rewrites `userColumn` of the person's rows in every such table, in the same
 * transaction. Names are identifiers from code, never from input.
 */
export interface PersonReference {
  readonly table: string;
  readonly personColumn: string;
  readonly userColumn: string;
}
