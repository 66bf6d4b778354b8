import type { CsvRow } from '../../ingest/csv/csv-row';
import type { Diagnostic } from '../../ingest/diagnostic';
import type { RowOutcome, RowValidator } from '../../ingest/pipeline/row-validator';
import { readCell, type CellValue, type Strictness } from './cells';
import type { ColumnSpec } from './columns';
import type { FilePlan } from './file-plan';
import { toStagingText } from './staging-values';

/**
 * Checks one OneRoster row on its own: every cell against its column contract, the bulk/delta
 * rules for status and dateLastModified, parallel subjects lists. References, duplicates and
 * semantics need the whole package and are checked in SQL afterwards.

 */
export function oneRosterRowValidator(plan: FilePlan, strictness: Strictness): RowValidator {
  const { columns, staged } = plan;
  const statusIndex = columns.findIndex((c) => c.name === 'status');
  const modifiedIndex = columns.findIndex((c) => c.name === 'dateLastModified');
  const headIndexes = [statusIndex, modifiedIndex];
  const subjectsIndex = columns.findIndex((c) => c.name === 'subjects');
  const codesIndex = columns.findIndex((c) => c.name === 'subjectCodes');
  const lenient = strictness === 'LENIENT';
  const bulk = plan.mode === 'bulk';
  // userProfiles.csv may carry the user's password at the application; it is never stored.
  // Said once per file (the first row that has one), not once per row.
  const passwordIndex = plan.file === 'userProfiles' ? columns.findIndex((c) => c.name === 'password') : -1;
  let passwordReported = false;

  // Runs once per row: plain loops, and the lists of problems made only when there is one.
  return (row: CsvRow): RowOutcome => {
    let errors: Diagnostic[] | null = null;
    let warnings: Diagnostic[] | null = null;
    const values: CellValue[] = new Array<CellValue>(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as ColumnSpec;
      const result = readCell(row.at(i), column, strictness);
      if (!result.ok) {
        (errors ??= []).push(row.error(result.problem.code, result.problem.message, column.name));
        values[i] = null;
        continue;
      }
      for (const w of result.warnings) (warnings ??= []).push(row.warning(w.code, w.message, column.name));
      values[i] = result.value;
    }

    if (bulk) {
      for (const index of headIndexes) {
        const name = columns[index]?.name ?? '';
        if (row.at(index).trim() === '') continue;
        if (lenient) {
          const honoured = index === statusIndex && values[index] === 'tobedeleted';
          (warnings ??= []).push(
            row.warning(
              'oneroster.bulk.status_present',
              honoured ? `${name} is set in a bulk file; the row is read as a delete` : `${name} is set in a bulk file; it is ignored`,
              name,
            ),
          );
          if (!honoured) values[index] = null;
        } else {
          (errors ??= []).push(row.error('oneroster.bulk.status_present', `${name} must be blank in a bulk file`, name));
        }
      }
    } else {
      for (const index of headIndexes) {
        const name = columns[index]?.name ?? '';
        if (values[index] === null && !errors?.some((e) => e.column === name)) {
          (errors ??= []).push(row.error('oneroster.delta.status_required', `${name} is required in a delta file`, name));
        }
      }
    }

    if (subjectsIndex >= 0 && codesIndex >= 0) {
      const subjects = values[subjectsIndex] as string[] | null;
      const codes = values[codesIndex] as string[] | null;
      if (subjects && codes && subjects.length > 0 && codes.length > 0 && subjects.length !== codes.length) {
        (errors ??= []).push(row.error('oneroster.value.subjects_mismatch', 'subjects and subjectCodes must list the same number of items', 'subjectCodes'));
      }
    }

    if (passwordIndex >= 0 && !passwordReported && row.at(passwordIndex).trim() !== '') {
      passwordReported = true;
      (warnings ??= []).push(
        row.warning('oneroster.user_profile.password_dropped', 'userProfiles.csv carries passwords; learngraph never stores them, so the column was dropped for every row', 'password'),
      );
    }

    if (errors) return { rejected: warnings ? [...errors, ...warnings] : errors };
    const out = new Array<string | null>(staged.length + 1);
    for (let k = 0; k < staged.length; k++) out[k] = toStagingText(values[(staged[k] as { index: number }).index] ?? null);
    out[staged.length] = row.hasExtensions ? metadataJson(row) : null;
    return { values: out, warnings: warnings ?? NO_WARNINGS };
  };
}

const NO_WARNINGS: readonly Diagnostic[] = Object.freeze([]);

/** The row's filled `metadata.*` columns as one JSON object keyed without the prefix, or null. */
function metadataJson(row: CsvRow): string | null {
  const metadata: Record<string, string> = {};
  let any = false;
  for (const [name, value] of Object.entries(row.extensions())) {
    metadata[name.slice('metadata.'.length)] = value;
    any = true;
  }
  return any ? JSON.stringify(metadata) : null;
}
