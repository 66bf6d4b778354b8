import { createHash } from 'node:crypto';
import type { ParseMode } from '../xml/record-reader';
import type { ImsOptions } from './ims-options';

/**
 * A short digest of everything that decides what a file does (mode and options). It is part
 * of the ledger format, so the same file imported again with other options (say,
 * createMissingUsers turned on after a first run skipped everyone) is applied, while the same
 * file with the same options changes nothing, as Moodle skips a file whose MD5 it has seen.
 */
export function optionsFingerprint(mode: ParseMode, options: ImsOptions): string {
  return createHash('sha256').update(canonicalJson({ mode, options })).digest('hex').slice(0, 16);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
