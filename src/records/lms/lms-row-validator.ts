import type { CsvRow, Diagnostic, RowOutcome, RowValidator } from '../../ingest';
import { ACHIEVED_STATUSES, DEFAULT_STATUS_WORDS, LearningStatus, statusWord } from '../model/learning-status';
import { DateReader } from './date-format';
import type { LmsColumns } from './lms-columns';
import { LmsField } from './lms-fields';
import { LmsFileType } from './lms-file-type';
import type { LmsOptions } from './lms-options';

/** The staging table's columns, in the order the validator fills them. Casts happen on apply. */
export const LMS_STAGING_COLUMNS = ['ident', 'item_name', 'key_part', 'status', 'status_text', 'attempt', 'score', 'occurred', 'completed', 'details', 'raw'] as const;

const ACHIEVED = new Set<string>(ACHIEVED_STATUSES);
const INTEGER = /^\d{1,9}$/;
const SCORE = /^[+-]?(\d+(\.\d*)?|\.\d+)\s*%?$/;

/**
 * Checks one LMS row and maps it to staging values. A row is rejected (kept as the job's
 * issue) when it cannot be reconciled: no item, no person, no readable date, no status where
 * the file type has one, an attempt that is not a whole number, no session id. A score that
 * is not a number is dropped with a warning: the completion matters more than its score. A
 * status word no map knows is kept as UNKNOWN, warned about once per word.
 */
export function lmsRowValidator(type: LmsFileType, columns: LmsColumns, options: LmsOptions): RowValidator {
  const dates = new DateReader(options.dateFormats);
  const words = { ...DEFAULT_STATUS_WORDS, ...options.statusMap };
  const warnedWords = new Set<string>();
  const col = (field: LmsField): string => columns.columnOf.get(field) as string;
  const present = (field: LmsField): boolean => columns.present.has(field);
  const identityFields = [...new Set([...options.identity.rules.map((r) => r.field), ...(options.identity.accountField ? [options.identity.accountField] : [])])];
  const identityColumns = identityFields.map((f) => [f, col(f as LmsField)] as const);
  const rawColumns = [...columns.present].map((f) => col(f));
  const hasStatus = type !== LmsFileType.COURSE_COMPLETION && type !== LmsFileType.PATHWAY_COMPLETION;
  const ownDate = type === LmsFileType.FACE_TO_FACE ? LmsField.SESSION_DATE : type === LmsFileType.PATHWAY_COMPLETION ? LmsField.COMPLETION_DATE : null;

  return (row: CsvRow): RowOutcome => {
    const errors: Diagnostic[] = [];
    const warnings: Diagnostic[] = [];
    const req = (field: LmsField, code: string, what: string): string => {
      const value = row.get(col(field)).trim();
      if (value === '') errors.push(row.error(code, `${what} is empty`, col(field)));
      return value;
    };
    const date = (field: LmsField): string | null => {
      const text = row.get(col(field)).trim();
      if (text === '') return null;
      const value = dates.read(text);
      if (value === null) errors.push(row.error('lms.date.invalid', `the date matches none of the date formats (${dates.patterns.join(', ')})`, col(field)));
      return value;
    };

    const ident: Record<string, string> = {};
    for (const [field, column] of identityColumns) {
      const value = row.get(column).trim();
      if (value !== '') ident[field] = value;
    }
    if (Object.keys(ident).length === 0) {
      errors.push(row.error('lms.person.missing', `the row names nobody: ${identityColumns.map(([, c]) => `"${c}"`).join(' and ')} are empty`, identityColumns[0]?.[1] ?? null));
    }
    const item = req(LmsField.ITEM_NAME, 'lms.item.missing', 'the item name');
    const dateText = row.get(col(LmsField.DATE)).trim();
    const rowDate = date(LmsField.DATE);
    if (dateText === '') errors.push(row.error('lms.date.missing', 'the date is empty', col(LmsField.DATE)));
    const own = ownDate && present(ownDate) ? date(ownDate) : null;

    let status: LearningStatus = LearningStatus.COMPLETED;
    let statusText: string | null = null;
    if (hasStatus) {
      statusText = req(LmsField.STATUS, 'lms.status.missing', 'the status');
      if (statusText !== '') {
        const word = statusWord(statusText);
        status = words[word] ?? LearningStatus.UNKNOWN;
        if (status === LearningStatus.UNKNOWN && !warnedWords.has(word)) {
          warnedWords.add(word);
          warnings.push(row.warning('lms.status.unknown', 'no status map knows this status word; records with it are kept as UNKNOWN (add it to the statusMap)', col(LmsField.STATUS)));
        }
      }
    }
    let attempt: string | null = null;
    if (present(LmsField.ATTEMPT)) {
      const text = row.get(col(LmsField.ATTEMPT)).trim();
      if (text !== '') {
        if (INTEGER.test(text)) attempt = String(Number(text));
        else errors.push(row.error('lms.attempt.invalid', 'the attempt number is not a whole number', col(LmsField.ATTEMPT)));
      }
    }
    let score: string | null = null;
    if (present(LmsField.SCORE)) {
      const text = row.get(col(LmsField.SCORE)).trim();
      if (text !== '') {
        if (SCORE.test(text)) score = text.replace(/\s*%$/, '');
        else warnings.push(row.warning('lms.score.invalid', 'the score is not a number; the record is kept without it', col(LmsField.SCORE)));
      }
    }
    let keyPart: string;
    let details: Record<string, string | null> = {};
    switch (type) {
      case LmsFileType.SCORM: {
        const sco = present(LmsField.SCO_NAME) ? row.get(col(LmsField.SCO_NAME)).trim() : '';
        keyPart = `${sco}|${attempt ?? ''}`;
        details = { scoName: sco || null };
        break;
      }
      case LmsFileType.FACE_TO_FACE: {
        const session = req(LmsField.SESSION_ID, 'lms.session.missing', 'the session id');
        keyPart = `session:${session}`;
        details = { sessionId: session, sessionDate: own };
        break;
      }
      case LmsFileType.QUIZ:
      case LmsFileType.COURSE_COMPLETION:
      case LmsFileType.PATHWAY_COMPLETION:
        keyPart = attempt ?? '';
        break;
    }
    if (errors.length > 0) return { rejected: [...errors, ...warnings] };

    const occurred = own ?? (rowDate as string);
    const raw: Record<string, string> = {};
    for (const column of rawColumns) raw[column] = row.get(column);
    return {
      values: [
        JSON.stringify(ident),
        item,
        keyPart,
        status,
        statusText,
        attempt,
        score,
        occurred,
        ACHIEVED.has(status) ? occurred : null,
        JSON.stringify(details),
        JSON.stringify(raw),
      ],
      warnings,
    };
  };
}
