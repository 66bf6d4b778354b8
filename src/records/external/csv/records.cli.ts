import path from 'node:path';
import { Command } from 'commander';
import type { NewSyncJob } from '../../../jobs/sync-job.service';
import { RECORDS_JOB_KIND, type RecordsJobParams } from './records-job';

/** `learngraph import records <file>`: runs the import in this process, progress on stderr. */
export function recordsImportCommand(run: (job: NewSyncJob) => Promise<number>): Command {
  return new Command('records')
    .description(
      'Import learning records from another system as CSV (the fields of pushLearningRecords as columns), or a folder or zip of such files. Exit code 0 = succeeded, 2 = applied with rejected rows, 1 = failed.',
    )
    .argument('<path>', 'a CSV file, or a folder or zip of them')
    .option('--system <system>', 'the sending system, for rows without a system column')
    .option('--dry-run', 'validate, match and count without applying anything')
    .action(async (input: string, flags: { system?: string; dryRun?: boolean }) => {
      const params: RecordsJobParams = { path: path.resolve(input), system: flags.system ?? null, dryRun: flags.dryRun ?? false };
      process.exitCode = await run({ kind: RECORDS_JOB_KIND, sourceLabel: path.basename(input), params: { ...params } });
    });
}
