import { invariant } from '../../shared/invariant';

/** A row behind a NOT NULL foreign key: a missing one means the database is broken, not the request. */
export function required<Row>(row: Row | null, what: string): Row {
  invariant(row !== null, `${what} is missing behind its foreign key`);
  return row;
}
