import { fileDate, windowCutoff } from '../business-window';
import type { FilePatterns } from '../file-pattern';
import { isPlainFileName, type RemoteFile, type RemoteFolder } from '../folder/remote-folder';
import type { FormatImporter } from '../importers/format-importer';
import type { ListedFile } from '../ledger/source-file-ledger';

export interface ScannedFile extends RemoteFile {
  readonly businessDate: string | null;
  readonly patternIndex: number;
}

export interface Scan {
  /** Matched a pattern, inside the window, and the importer reads it. */
  readonly candidates: ScannedFile[];
  /** Matched, but older than the lookback window. */
  readonly outsideWindow: ScannedFile[];
  /** Matched, but the importer does not read files of that name. */
  readonly unsupported: ScannedFile[];
  /** Files of the folder that match no pattern. */
  readonly ignored: number;
  /** Names that could point outside the folder or carry control characters: never read. */
  readonly unsafeNames: RemoteFile[];
}

/** One listing of the folder, sorted into what a sync would consider and what it would not. */
export async function scanFolder(
  folder: RemoteFolder,
  source: { filePatterns: FilePatterns; timeZone: string; lookbackDays: number },
  importer: FormatImporter | undefined,
  now: Date = new Date(),
): Promise<Scan> {
  const cutoff = windowCutoff(now, source.timeZone, source.lookbackDays);
  const scan: Scan = { candidates: [], outsideWindow: [], unsupported: [], ignored: 0, unsafeNames: [] };
  for (const file of await folder.list()) {
    if (!isPlainFileName(file.name)) {
      scan.unsafeNames.push(file);
      continue;
    }
    const match = source.filePatterns.match(file.name);
    if (!match) {
      (scan as { ignored: number }).ignored += 1;
      continue;
    }
    const scanned: ScannedFile = { ...file, businessDate: match.businessDate, patternIndex: match.patternIndex };
    if (fileDate(match.businessDate, file.modifiedAt, source.timeZone) < cutoff) scan.outsideWindow.push(scanned);
    else if (importer && !importer.accepts(file.name)) scan.unsupported.push(scanned);
    else scan.candidates.push(scanned);
  }
  return scan;
}

export function toListed(files: readonly ScannedFile[]): ListedFile[] {
  return files.map((f) => ({ path: f.path, name: f.name, size: f.size, modifiedAt: f.modifiedAt, businessDate: f.businessDate }));
}
