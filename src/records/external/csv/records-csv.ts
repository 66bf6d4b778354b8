import { type CsvContract, type CsvRow, FileError, type PackageEntry, readCsv, type RowOutcome, type RowValidator } from '../../../ingest';
import { checkExternalRecord, EXTERNAL_RECORD_FIELDS, type ExternalRecordFields } from '../external-record';

/** The text staging table's columns, in the order the validator fills them; cast on apply. */
export const RECORDS_TEXT_COLUMNS = [
  'idempotency_key',
  'system',
  'person_id',
  'email',
  'record_key',
  'item_key',
  'item_title',
  'status',
  'status_text',
  'score',
  'occurred_at',
  'completed_at',
  'valid_until',
  'content_hash',
  'raw',
] as const;

/**
 * A records CSV: one column per field of `pushLearningRecords` (idempotencyKey, system,
 * personId, email, recordId, itemId, itemTitle, status, score, occurredAt, completedAt,
 * validUntil), found by name ignoring case; idempotencyKey, itemId and status are required,
 * personId or email (or both), and system unless the import names a default.
 */
export const RECORDS_CONTRACT: CsvContract = {
  columns: [...EXTERNAL_RECORD_FIELDS],
  mode: 'lenient',
  requiredColumns: ['idempotencyKey', 'itemId', 'status'],
  multiline: true,
  trailingEmptyFields: 'trim',
  keyColumn: 'idempotencyKey',
};

/** File-level checks the contract cannot express: who the rows are about, and for which system. */
export async function checkRecordsHeader(entry: PackageEntry, defaultSystem: string | null): Promise<void> {
  const reader = await readCsv(await entry.open(), { file: entry.name });
  let header: readonly string[];
  try {
    header = reader.header.map((h) => h.trim().toLowerCase());
  } finally {
    reader.close();
  }
  if (!header.includes('personid') && !header.includes('email')) {
    throw new FileError('records.header.person', 'the header needs a personId or an email column (or both) to name each row’s person', { file: entry.name, line: 1 });
  }
  if (!header.includes('system') && !defaultSystem) {
    throw new FileError('records.header.system', 'the header has no system column and the import names no default system', { file: entry.name, line: 1 });
  }
}

/** Checks a row with the rules of `pushLearningRecords`; a bad row is rejected naming its column and rule. */
export function recordsRowValidator(defaultSystem: string | null, now: Date): RowValidator {
  return (row: CsvRow): RowOutcome => {
    const fields: Record<string, string> = {};
    for (const name of EXTERNAL_RECORD_FIELDS) {
      const value = row.get(name).trim();
      if (value !== '') fields[name] = value;
    }
    const input: ExternalRecordFields = { ...fields, system: fields['system'] ?? defaultSystem };
    const checked = checkExternalRecord(input, now);
    if (!checked.ok) return { rejected: [row.error(`records.${checked.problem.rule}`, checked.problem.message, checked.problem.field)] };
    const r = checked.record;
    return {
      values: [
        r.idempotency_key,
        r.system,
        r.person_id,
        r.email,
        r.record_key,
        r.item_key,
        r.item_title,
        r.status,
        r.status_text,
        r.score === null ? null : String(r.score),
        r.occurred_at,
        r.completed_at,
        r.valid_until,
        r.content_hash,
        JSON.stringify(fields),
      ],
    };
  };
}
