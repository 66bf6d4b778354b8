import path from 'node:path';
import { Command } from 'commander';
import type { NewSyncJob } from '../jobs/sync-job.service';
import { DomainError } from '../shared/domain-error';
import { EDREFLECT_JOB_KIND, type EdReflectJobParams } from './edreflect.job';
import { parseEdReflectIdentity } from './identity/edreflect-identity';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('BAD_USER_INPUT', '--identity: not valid JSON', { field: 'identity' });
  }
}

/** `learngraph import edreflect <path>`: runs the import in this process, progress on stderr. */
export function edReflectImportCommand(run: (job: NewSyncJob) => Promise<number>): Command {
  return new Command('edreflect')
    .description('Import an EdReflect offboarding export (zip or folder; full, or change-only with changed.<group>.csv lists). Exit code 0 = succeeded, 2 = applied with rejected rows, 1 = failed.')
    .argument('<path>', 'zip file or folder of CSVs')
    .option('--dry-run', 'stage and count without applying')
    .option('--system <system>', 'the EdReflect tenant the export belongs to', 'default')
    .option('--identity <json>', 'users.csv columns that identify people, e.g. \'{"rules":[{"field":"email","kinds":["email"]}]}\' (default: email, employeeId)')
    .action(async (input: string, options: { dryRun?: boolean; system: string; identity?: string }) => {
      const identity = options.identity === undefined ? undefined : { rules: parseEdReflectIdentity(parseJson(options.identity)).rules };
      const params: EdReflectJobParams = { path: path.resolve(input), dryRun: options.dryRun ?? false, system: options.system, ...(identity ? { identity } : {}) };
      process.exitCode = await run({ kind: EDREFLECT_JOB_KIND, sourceLabel: path.basename(input), params });
    });
}
