import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { NewSyncJob } from '../../jobs/sync-job.service';
import { DomainError } from '../../shared/domain-error';
import { IMS_JOB_KIND, type ImsJobParams } from '../jobs/ims-job';
import { resolveImsOptions, UNENROL_ACTIONS, type UnenrolAction } from '../options/ims-options';

interface Flags {
  strict?: boolean;
  dryRun?: boolean;
  options?: Record<string, unknown>;
  system?: string;
  school?: string;
  target?: string;
  createUsers?: boolean;
  updateUsers?: boolean;
  deleteUsers?: boolean;
  createCourses?: boolean;
  updateCourses?: boolean;
  unenrol?: UnenrolAction;
}

/**
 * `learngraph import ims <file>`: imports an IMS Enterprise XML file (or a zip holding one) in
 * this process, progress on stderr. Flags name Moodle's settings; `--options` takes them all
 * as JSON (the same object as the mutation's `options` and a source's `formatOptions`), and
 * flags given on top win.
 */
export function imsImportCommand(run: (job: NewSyncJob) => Promise<number>): Command {
  return new Command('ims')
    .description(
      'Import an IMS Enterprise 1.1 XML file as Moodle enrol_imsenterprise reads it. Every skipped element is listed with its reason. Exit code 0 = succeeded, 2 = applied with rejected elements, 1 = failed.',
    )
    .argument('<file>', 'the XML file, or a zip or folder holding one')
    .option('--strict', 'accept well-formed XML only (default: tolerant, as Moodle)')
    .option('--dry-run', 'read, match and count without applying anything')
    .option('--options <file>', 'a JSON file of IMS options (see the importImsEnterprise mutation)', readOptions)
    .option('--system <system>', 'the source system the IMS records belong to (default ims)')
    .option('--school <sourcedId>', 'the org new classes belong to (default: an org of the system)')
    .option('--target <name>', 'apply the file only if its <properties> name this <target> (Moodle imsrestricttarget)')
    .option('--create-users', 'create users for unknown <person>s (Moodle createnewusers)')
    .option('--update-users', 'apply <person recstatus="2"> (Moodle imsupdateusers)')
    .option('--delete-users', 'apply <person recstatus="3"> as a soft delete (Moodle imsdeleteusers)')
    .option('--create-courses', 'create a course and class for unknown <group>s (Moodle createnewcourses)')
    .option('--update-courses', 'apply <group recstatus="2"> to names (Moodle updatecourses)')
    .addOption(new Option('--unenrol <action>', 'let inactive roles unenrol, and how (Moodle imsunenrol + unenrolaction)').choices([...UNENROL_ACTIONS]))
    .action(async (input: string, flags: Flags) => {
      const options: Record<string, unknown> = { ...(flags.options ?? {}) };
      const set = (key: string, value: unknown): void => {
        if (value !== undefined) options[key] = value;
      };
      set('system', flags.system);
      set('schoolSourcedId', flags.school);
      set('restrictTarget', flags.target);
      set('createMissingUsers', flags.createUsers);
      set('updateUsers', flags.updateUsers);
      set('deleteUsers', flags.deleteUsers);
      set('createMissingCourses', flags.createCourses);
      set('updateCourses', flags.updateCourses);
      if (flags.unenrol) {
        options['unenrol'] = true;
        options['unenrolAction'] = flags.unenrol;
      }
      validate(options);
      const params: ImsJobParams = { path: path.resolve(input), mode: flags.strict ? 'STRICT' : 'TOLERANT', dryRun: flags.dryRun ?? false, options };
      process.exitCode = await run({ kind: IMS_JOB_KIND, sourceLabel: path.basename(input), params: { ...params } });
    });
}

function validate(options: unknown): void {
  try {
    resolveImsOptions(options);
  } catch (error) {
    if (error instanceof DomainError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

function readOptions(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InvalidArgumentError(`cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  validate(parsed);
  return parsed as Record<string, unknown>;
}
