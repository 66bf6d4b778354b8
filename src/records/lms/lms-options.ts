import { z } from 'zod';
import { type IdentityMapping, parseIdentityMapping } from '../../identity';
import { DomainError } from '../../shared/domain-error';
import { LearningStatus, statusWord } from '../model/learning-status';
import { compileDateFormat, DEFAULT_DATE_FORMATS } from './date-format';
import { FILE_FIELDS, IDENTITY_FIELDS, type LmsField, lmsFieldNamed } from './lms-fields';
import { LmsFileType } from './lms-file-type';

/** One entry of a column map: for a file type (or all), which header(s) hold our field. */
export interface ColumnMapping {
  readonly fileType: LmsFileType | null;
  readonly field: LmsField;
  /** Accepted headers, first found wins; matched ignoring case and surrounding spaces. */
  readonly headers: readonly string[];
}

/**
 * An LMS source's configuration: the same whether it comes from a source's stored
 * `formatOptions`, the `importLmsFile` mutation or the CLI's `--options` file.
 */
export interface LmsOptions {
  /** The outside system records and persons belong to; link keys are redeemed for it. */
  readonly system: string;
  readonly columnMap: readonly ColumnMapping[];
  readonly dateFormats: readonly string[];
  /** IANA zone the file's dates are read in when they carry no offset. */
  readonly timeZone: string;
  readonly identity: IdentityMapping;
  /** The vendor's status words, by `statusWord()` form, added to and overriding the defaults. */
  readonly statusMap: Readonly<Record<string, LearningStatus>>;
}

export const DEFAULT_LMS_IDENTITY: IdentityMapping = {
  rules: [
    { field: 'uniqueid', kinds: ['identifier'] },
    { field: 'username', kinds: ['username', 'email'] },
  ],
  accountField: 'uniqueid',
};

const schema = z
  .object({
    system: z.string().trim().min(1).max(100).optional(),
    columnMap: z
      .array(
        z
          .object({
            fileType: z.enum(Object.values(LmsFileType) as [LmsFileType, ...LmsFileType[]]).nullable().optional(),
            field: z.string(),
            headers: z.union([z.string(), z.array(z.string())]),
          })
          .strict(),
      )
      .max(100)
      .optional(),
    dateFormats: z.array(z.string()).min(1).max(20).optional(),
    timeZone: z.string().min(1).max(100).optional(),
    identity: z.unknown().optional(),
    statusMap: z.record(z.string(), z.string()).optional(),
  })
  .strict();

/**
 * Reads and checks options as data: unknown keys, fields a file type does not have, a header
 * used for two fields, a date format that does not compile or an unknown time zone are all
 * BAD_USER_INPUT, so a source is refused when saved, not when its first file arrives.
 */
export function parseLmsOptions(raw: unknown): LmsOptions {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw bad(issue ? `${issue.path.join('.') || 'options'}: ${issue.message}` : 'invalid options', 'formatOptions');
  }
  const o = parsed.data;
  const columnMap = (o.columnMap ?? []).map((entry, i): ColumnMapping => {
    const field = lmsFieldNamed(entry.field);
    if (!field) throw bad(`columnMap[${i}]: "${entry.field}" is not an LMS field`, 'columnMap');
    const types = entry.fileType ? [entry.fileType] : Object.values(LmsFileType);
    if (!types.some((t) => FILE_FIELDS[t].some((f) => f.field === field))) {
      throw bad(`columnMap[${i}]: ${entry.fileType ?? 'no'} file has the field ${field}`, 'columnMap');
    }
    const headers = (Array.isArray(entry.headers) ? entry.headers : [entry.headers]).map((h) => h.trim());
    if (headers.length === 0 || headers.some((h) => h === '' || h.length > 200)) throw bad(`columnMap[${i}]: headers must be 1-200 characters`, 'columnMap');
    return { fileType: entry.fileType ?? null, field, headers };
  });
  for (const type of Object.values(LmsFileType)) checkDistinctHeaders(type, columnMap);
  const dateFormats = o.dateFormats ?? DEFAULT_DATE_FORMATS;
  dateFormats.forEach(compileDateFormat);
  const timeZone = o.timeZone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw bad(`timeZone "${timeZone}" is not an IANA time zone`, 'timeZone');
  }
  const identity = o.identity === undefined ? DEFAULT_LMS_IDENTITY : parseIdentityMapping(o.identity, IDENTITY_FIELDS, 'identity');
  const statusMap: Record<string, LearningStatus> = {};
  for (const [word, status] of Object.entries(o.statusMap ?? {})) {
    if (!(Object.values(LearningStatus) as string[]).includes(status)) throw bad(`statusMap: "${status}" is not a LearningStatus`, 'statusMap');
    statusMap[statusWord(word)] = status as LearningStatus;
  }
  return { system: o.system ?? 'lms', columnMap, dateFormats, timeZone, identity, statusMap };
}

/** The headers each field of a file type is looked for under, after the column map. */
export function headersFor(type: LmsFileType, options: LmsOptions): Map<LmsField, readonly string[]> {
  const out = new Map<LmsField, readonly string[]>();
  for (const spec of FILE_FIELDS[type]) {
    const specific = options.columnMap.find((m) => m.fileType === type && m.field === spec.field);
    const general = options.columnMap.find((m) => m.fileType === null && m.field === spec.field);
    out.set(spec.field, (specific ?? general)?.headers ?? spec.headers);
  }
  return out;
}

function checkDistinctHeaders(type: LmsFileType, columnMap: readonly ColumnMapping[]): void {
  const seen = new Map<string, LmsField>();
  const options = { columnMap } as unknown as LmsOptions;
  for (const [field, headers] of headersFor(type, options)) {
    for (const header of headers) {
      const key = header.toLowerCase();
      const other = seen.get(key);
      if (other && other !== field) throw bad(`columnMap: header "${header}" would hold both ${other} and ${field} in ${type} files`, 'columnMap');
      seen.set(key, field);
    }
  }
}

function bad(message: string, field: string): DomainError {
  return new DomainError('BAD_USER_INPUT', `LMS options: ${message}`, { field });
}
