import { type RecordRow, recordColumns, recordFields } from '../shared/record-row';
import { Org } from './org.type';

export interface OrgRow extends RecordRow {
  readonly sourced_id: string;
  readonly name: string;
  readonly type: string;
  readonly identifier: string | null;
  readonly parent_id: string | null;
}

/** The columns of `org o` that `toOrg` reads; every org query selects exactly these. */
export const ORG_COLUMNS = `${recordColumns('o')}, o.sourced_id, o.name, o.type, o.identifier, o.parent_id`;

export function toOrg(row: OrgRow): Org {
  return Object.assign(new Org(), {
    ...recordFields('Org', row),
    parentLocalId: row.parent_id,
    sourcedId: row.sourced_id,
    name: row.name,
    type: row.type,
    identifier: row.identifier,
  });
}
