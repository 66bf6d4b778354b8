import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { NewSyncJob } from '../../jobs/sync-job.service';
import { DomainError } from '../../shared/domain-error';
import { LmsFileType } from './lms-file-type';
import { LMS_JOB_KIND, type LmsJobParams } from './lms-job';
import { parseLmsOptions } from './lms-options';

/** `learngraph import lms <path>`: runs the import in this process, progress on stderr. */
export function lmsImportCommand(run: (job: NewSyncJob) => Promise<number>): Command {
  return new Command('lms')
    .description('Import an LMS outbound-sync file (SCORMYYYYMMDD, F2F…, Quiz…, Completion…, Pathway…), or a folder or zip of them in date order. Exit code 0 = succeeded, 2 = applied with rejected rows, 1 = failed.')
    .argument('<path>', 'a file, or a folder or zip of files')
    .addOption(new Option('--type <type>', 'the file type, when the name does not tell it').choices(Object.values(LmsFileType)))
    .option('--options <file>', 'a JSON file of LMS options (columnMap, dateFormats, timeZone, identity, statusMap, system), as a source’s formatOptions', readOptions)
    .option('--system <system>', 'the outside system the people and records belong to (default lms)')
    .option('--dry-run', 'validate, match and count without applying anything')
    .action(async (input: string, flags: { type?: LmsFileType; options?: Record<string, unknown>; system?: string; dryRun?: boolean }) => {
      const options = { ...(flags.options ?? {}), ...(flags.system ? { system: flags.system } : {}) };
      parseLmsOptions(options);
      const params: LmsJobParams = { path: path.resolve(input), fileType: flags.type ?? null, options, dryRun: flags.dryRun ?? false };
      process.exitCode = await run({ kind: LMS_JOB_KIND, sourceLabel: path.basename(input), params: { ...params } });
    });
}

function readOptions(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InvalidArgumentError(`cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    parseLmsOptions(parsed);
  } catch (error) {
    if (error instanceof DomainError) throw new InvalidArgumentError(error.message);
    throw error;
  }
  return parsed as Record<string, unknown>;
}
