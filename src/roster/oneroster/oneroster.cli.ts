import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { NewSyncJob } from '../../jobs/sync-job.service';
import { ONEROSTER_JOB_KIND, type OneRosterJobParams } from './oneroster.job';

/** `learngraph import oneroster <path>`: runs the import in this process, progress on stderr. */
export function oneRosterImportCommand(run: (job: NewSyncJob) => Promise<number>): Command {
  return new Command('oneroster')
    .description('Import a OneRoster 1.1/1.2 package (zip or folder). Exit code 0 = succeeded, 2 = applied with rejected rows, 1 = failed.')
    .argument('<path>', 'zip file or folder of CSVs')
    .option('--lenient', 'accept what real exports send (TRUE, inactive, date-only DateTimes, ...), each coercion kept as a warning')
    .option('--dry-run', 'validate and report the diff without applying it')
    .option('--force', 'apply even when a bulk file would delete more than the threshold')
    .option('--delete-threshold <share>', 'share (0-1) of an entity a bulk file may delete without --force', parseShare, 0.2)
    .option('--system <system>', 'the source system whose sourcedIds these are', 'default')
    .action(async (input: string, options: { lenient?: boolean; dryRun?: boolean; force?: boolean; deleteThreshold: number; system: string }) => {
      const params: OneRosterJobParams = {
        path: path.resolve(input),
        strictness: options.lenient ? 'LENIENT' : 'STRICT',
        dryRun: options.dryRun ?? false,
        force: options.force ?? false,
        deleteThreshold: options.deleteThreshold,
        system: options.system,
      };
      process.exitCode = await run({ kind: ONEROSTER_JOB_KIND, sourceLabel: path.basename(input), params });
    });
}

function parseShare(value: string): number {
  const share = Number(value);
  if (!Number.isFinite(share) || share < 0 || share > 1) throw new InvalidArgumentError('must be a number from 0 to 1');
  return share;
}
