import { z } from 'zod';
import { DomainError } from '../../shared/domain-error';
import { normalizeRoleType } from './role-types';

/** What Moodle's `unenrolaction` offers, for a role with status 0 or recstatus 3. */
export const UNENROL_ACTIONS = ['UNENROL', 'KEEP', 'SUSPEND', 'SUSPEND_REMOVE_ROLES'] as const;
export type UnenrolAction = (typeof UNENROL_ACTIONS)[number];

/** Which `<group>` field fills a course field (Moodle's `imscoursemap*`); IGNORE only for the summary. */
export const GROUP_FIELDS = ['SHORT', 'LONG', 'FULL', 'COURSECODE', 'IGNORE'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

/** Enrollment roles of the roster model, plus 1.2's `ext:` tokens. */
const ROLE = z.union([z.enum(['administrator', 'proctor', 'student', 'teacher']), z.string().regex(/^ext:[A-Za-z0-9._-]+$/)]);

/**
 * Moodle's defaults (`determine_default_rolemapping`): Learner and Member study; Instructor
 * and Content Developer are (editing) teachers; Mentor and TeachingAssistant (non-editing)
 * teachers. Manager and Administrator map to a role `admin` no standard Moodle has, so Moodle
 * ignores them; so do we until the map says otherwise (`07` → `administrator`, say).
 */
export const DEFAULT_ROLE_MAP: Readonly<Record<string, string | null>> = Object.freeze({
  '01': 'student',
  '02': 'teacher',
  '03': 'teacher',
  '04': 'student',
  '05': null,
  '06': 'teacher',
  '07': null,
  '08': 'teacher',
});

export const imsOptionsSchema = z
  .object({
    /** The source system the IMS records are kept under (their `system`); one per SIS feed. */
    system: z.string().trim().min(1).max(100).default('ims'),
    /** The org every class made from a `<group>` belongs to; default: an org of the system's own. */
    schoolSourcedId: z.string().trim().min(1).nullable().default(null),
    /** Moodle `createnewusers`: create users for unknown `<person>`s. */
    createMissingUsers: z.boolean().default(false),
    /** Moodle `imsupdateusers`: apply `<person recstatus="2">`. */
    updateUsers: z.boolean().default(false),
    /** Moodle `imsdeleteusers`: apply `<person recstatus="3">` (a soft delete). */
    deleteUsers: z.boolean().default(false),
    /** Moodle `createnewcourses`: create a course and class for an unknown `<group>`. */
    createMissingCourses: z.boolean().default(false),
    /** Moodle `updatecourses`: apply `<group recstatus="2">` to names. */
    updateCourses: z.boolean().default(false),
    /** Moodle `imsunenrol`: let roles with status 0 or recstatus 3 unenrol. */
    unenrol: z.boolean().default(false),
    /** Moodle `unenrolaction`. */
    unenrolAction: z.enum(UNENROL_ACTIONS).default('UNENROL'),
    /** Moodle `imsrestricttarget`: apply a file only when its `<properties>` names this `<target>`. */
    restrictTarget: z.string().trim().min(1).nullable().default(null),
    /** Moodle `imssourcedidfallback`: use the sourcedid as the username when `<userid>` is empty. */
    sourcedIdFallback: z.boolean().default(false),
    /** Moodle `fixcaseusernames`: lower-case usernames. */
    lowercaseUsernames: z.boolean().default(false),
    /** Moodle `fixcasepersonalnames`: "JOE" → "Joe". */
    fixCasePersonalNames: z.boolean().default(false),
    /** Moodle `truncatecoursecodes`: cut group ids to this many characters (0: off). */
    truncateCourseCodes: z.number().int().min(0).max(1000).default(0),
    /** Moodle `imscoursemap*`: course title (fullname), course code (shortname), summary. */
    courseMapping: z
      .object({
        title: z.enum(GROUP_FIELDS).exclude(['IGNORE']).default('SHORT'),
        courseCode: z.enum(GROUP_FIELDS).exclude(['IGNORE']).default('COURSECODE'),
        summary: z.enum(GROUP_FIELDS).default('IGNORE'),
      })
      .default({ title: 'SHORT', courseCode: 'COURSECODE', summary: 'IGNORE' }),
    /** Moodle `imsrolemap01..08`: role type → enrollment role, null to ignore; merged over the defaults. */
    roleMap: z.record(z.string().min(1), ROLE.nullable()).default({}),
  })
  .strict();

export type ImsOptions = z.output<typeof imsOptionsSchema>;
export type ImsOptionsInput = z.input<typeof imsOptionsSchema>;

/** Options with every default filled in and the role map merged; throws BAD_USER_INPUT naming what is wrong. */
export function resolveImsOptions(raw: unknown): ImsOptions & { readonly roles: ReadonlyMap<string, string | null> } {
  const parsed = imsOptionsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('BAD_USER_INPUT', `IMS options: ${issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid'}`);
  }
  const roles = new Map<string, string | null>(Object.entries(DEFAULT_ROLE_MAP));
  for (const [type, role] of Object.entries(parsed.data.roleMap)) roles.set(normalizeRoleType(type), role);
  return { ...parsed.data, roleMap: Object.fromEntries(roles), roles };
}

export type ResolvedImsOptions = ReturnType<typeof resolveImsOptions>;
