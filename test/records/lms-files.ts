import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The LMS writes every value quoted, comma-delimited. */
export function lmsCsv(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (values: readonly (string | number)[]): string => values.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(',');
  return [line(headers), ...rows.map(line)].join('\r\n') + '\r\n';
}

export const SCORM_HEADERS = ['username', 'uniqueid', 'Date', 'SCORM Name', 'Sco Name', 'Status', 'Attempt Number', 'Score'];
export const F2F_HEADERS = ['username', 'uniqueid', 'Date', 'Face to Face Name', 'Session ID', 'Session Date', 'Status'];
export const QUIZ_HEADERS = ['username', 'uniqueid', 'Date', 'Quiz Name', 'Attempt Number', 'Score', 'Status'];
export const COURSE_HEADERS = ['username', 'uniqueid', 'Date', 'Course Name'];
export const PATHWAY_HEADERS = ['username', 'uniqueid', 'Date', 'Pathway Name', 'Completion Date', 'Attempt'];

/** A folder (inside the test app's IMPORT_ROOTS) to write LMS files into. */
export class LmsFolder {
  readonly root: string;

  constructor(name = 'lms') {
    const base = mkdtempSync(path.join(os.tmpdir(), `learngraph-${name}-`));
    this.root = base;
  }

  /** Writes `name` (e.g. SCORM20250102) and returns its path. */
  write(name: string, headers: readonly string[], rows: readonly (readonly (string | number)[])[], sub?: string): string {
    const dir = sub ? path.join(this.root, sub) : this.root;
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    writeFileSync(file, lmsCsv(headers, rows));
    return file;
  }

  writeRaw(name: string, content: string): string {
    const file = path.join(this.root, name);
    writeFileSync(file, content);
    return file;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
