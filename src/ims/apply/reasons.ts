import { IssueSeverity } from '../../ingest';

export interface Reason {
  readonly severity: IssueSeverity;
  readonly message: string;
}

const W = IssueSeverity.WARNING;
const E = IssueSeverity.ERROR;

/**
 * Why an element was not applied (or was applied with a note), by the code the set-based
 * apply writes into its working tables. WARNING: the options say so (Moodle's own "Ignoring
 * …" cases), nothing is wrong with the data. ERROR: the data cannot be applied as it is; the
 * job then ends COMPLETED_WITH_ERRORS. Moodle logs some of these and skips others silently.
 */
export const REASONS = {
  'ims.person.ambiguous': { severity: E, message: 'the person matches more than one user (by sourcedId, username or email); nothing was changed' },
  'ims.person.unknown': { severity: W, message: 'no user is known by this sourcedid, so there is nothing to update or delete' },
  'ims.person.not_created': { severity: W, message: 'no user is known by this sourcedid, username or email, and createMissingUsers is off; no user was created' },
  'ims.person.username_missing': { severity: E, message: 'a new user needs a <userid> (turn on sourcedIdFallback to use the sourcedid); no user was created' },
  'ims.person.delete_ignored': { severity: W, message: 'recstatus 3 (delete) was not applied because deleteUsers is off' },
  'ims.person.update_ignored': { severity: W, message: 'recstatus 2 (update) was not applied because updateUsers is off' },
  'ims.person.not_owned': { severity: W, message: 'the user comes from another source, which IMS does not change or delete; only the link to it is kept' },
  'ims.person.deleted': { severity: W, message: 'the user was deleted earlier; only an add (with createMissingUsers) brings it back' },
  'ims.group.ambiguous': { severity: E, message: 'more than one class has this course code as its sourcedId; nothing was changed' },
  'ims.group.not_created': { severity: W, message: 'no class has this course code, and createMissingCourses is off; no course was created' },
  'ims.group.update_ignored': { severity: W, message: 'recstatus 2 (update) was not applied because updateCourses is off' },
  'ims.group.not_owned': { severity: W, message: 'the class comes from another source, which IMS does not rename or hide; memberships still enrol into it' },
  'ims.group.name_fallback': { severity: W, message: 'the field the course mapping names for the title or code is missing; the course code was used instead' },
  'ims.group.created_on_delete': { severity: W, message: 'recstatus 3 (delete) named a course that did not exist; it was created, as Moodle does, and not hidden' },
  'ims.membership.group_unknown': { severity: E, message: 'no class is known by this course code (its <group> is missing, was skipped, or createMissingCourses is off); its members were not applied' },
  'ims.membership.group_ambiguous': { severity: E, message: 'more than one class has this course code as its sourcedId; its members were not applied' },
  'ims.member.person_unknown': { severity: E, message: 'no user is known by this member sourcedid (no <person> created or matched one); not enrolled' },
  'ims.member.person_ambiguous': { severity: E, message: 'the member matches more than one user; not enrolled' },
  'ims.member.person_deleted': { severity: W, message: 'the member names a deleted user; not enrolled' },
  'ims.role.unmapped': { severity: W, message: 'the role type is mapped to no role (roleMap); this role was skipped' },
  'ims.member.unenrol_ignored': { severity: W, message: 'an unenrol (status 0 or recstatus 3) was not applied because unenrol is off' },
  'ims.member.unenrol_kept': { severity: W, message: 'an unenrol was received and kept as configured (unenrolAction KEEP); nothing changed' },
} as const satisfies Record<string, Reason>;

export type ReasonCode = keyof typeof REASONS;

/** `'a', 'b'` of the codes with this severity, for SQL `in (...)` over trusted text. */
export function codesWith(severity: IssueSeverity): string {
  return (Object.entries(REASONS) as [ReasonCode, Reason][])
    .filter(([, r]) => r.severity === severity)
    .map(([code]) => `'${code}'`)
    .join(', ');
}
