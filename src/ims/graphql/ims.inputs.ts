import { Max, Min } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { GraphQLUpload, type FileUpload } from '../../graphql/upload';

export enum ImsParseMode {
  STRICT = 'STRICT',
  TOLERANT = 'TOLERANT',
}

export enum ImsUnenrolAction {
  UNENROL = 'UNENROL',
  KEEP = 'KEEP',
  SUSPEND = 'SUSPEND',
  SUSPEND_REMOVE_ROLES = 'SUSPEND_REMOVE_ROLES',
}

export enum ImsGroupField {
  SHORT = 'SHORT',
  LONG = 'LONG',
  FULL = 'FULL',
  COURSECODE = 'COURSECODE',
  IGNORE = 'IGNORE',
}

registerEnumType(ImsParseMode, {
  name: 'ImsParseMode',
  valuesConfig: {
    STRICT: { description: 'Well-formed XML only; the first XML error fails the file.' },
    TOLERANT: {
      description:
        'What Moodle’s regex reader accepts: text before the declaration, junk after the root, raw `&`, mismatched or unclosed tags, any tag case; each fault kept as a warning.',
    },
  },
});
registerEnumType(ImsUnenrolAction, {
  name: 'ImsUnenrolAction',
  description: 'What a role with status 0 or recstatus 3 does (Moodle `unenrolaction`), to all of the user’s IMS enrollments in the class.',
  valuesConfig: {
    UNENROL: { description: 'End the enrollments (soft delete) and remove IMS group memberships.' },
    KEEP: { description: 'Change nothing; the instruction is reported.' },
    SUSPEND: { description: 'Mark the enrollments `metadata.suspended`.' },
    SUSPEND_REMOVE_ROLES: { description: 'Mark them suspended and end them (our enrollments are the roles).' },
  },
});
registerEnumType(ImsGroupField, { name: 'ImsGroupField', description: 'A field of `<group>`: `<description><short|long|full>`, or the course code (`<sourcedid><id>`).' });

@InputType({ description: 'Which `<group>` field fills which course field (Moodle `imscoursemap*`); a missing field falls back to the course code.' })
export class ImsCourseMappingInput {
  @Field(() => ImsGroupField, { defaultValue: ImsGroupField.SHORT, description: 'Course and class title (Moodle fullname).' })
  title!: ImsGroupField;

  @Field(() => ImsGroupField, { defaultValue: ImsGroupField.COURSECODE, description: 'Course and class code (Moodle shortname).' })
  courseCode!: ImsGroupField;

  @Field(() => ImsGroupField, { defaultValue: ImsGroupField.IGNORE, description: 'Kept as the course’s `metadata.summary`.' })
  summary!: ImsGroupField;
}

@InputType({ description: 'One IMS role type and the enrollment role it becomes.' })
export class ImsRoleMappingInput {
  @Field(() => String, { description: '`01`..`08` or a name such as `Learner`.' })
  roleType!: string;

  @Field(() => String, { nullable: true, description: 'administrator, proctor, student, teacher or an `ext:` token; null ignores the role type.' })
  role!: string | null;
}

@InputType({ description: 'Moodle enrol_imsenterprise’s settings, under the names of the roster model. Everything defaults as in Moodle.' })
export class ImsImportOptionsInput {
  @Field(() => String, { nullable: true, description: 'The source system the IMS records belong to (default `ims`).' })
  system?: string | null;

  @Field(() => String, { nullable: true, description: 'The org new classes belong to (default: an org `default-school` of the system).' })
  schoolSourcedId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Create users for unknown `<person>`s (Moodle createnewusers; default false).' })
  createMissingUsers?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Apply `<person recstatus="2">` (Moodle imsupdateusers; default false).' })
  updateUsers?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Apply `<person recstatus="3">` as a soft delete (Moodle imsdeleteusers; default false).' })
  deleteUsers?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Create a course and class for unknown `<group>`s (Moodle createnewcourses; default false).' })
  createMissingCourses?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Apply `<group recstatus="2">` to names (Moodle updatecourses; default false).' })
  updateCourses?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Let roles with status 0 or recstatus 3 unenrol (Moodle imsunenrol; default false).' })
  unenrol?: boolean | null;

  @Field(() => ImsUnenrolAction, { nullable: true, description: 'Default UNENROL.' })
  unenrolAction?: ImsUnenrolAction | null;

  @Field(() => String, { nullable: true, description: 'Apply a file only if its `<properties>` name this `<target>` (Moodle imsrestricttarget).' })
  restrictTarget?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Use the sourcedid as username when `<userid>` is empty (Moodle imssourcedidfallback).' })
  sourcedIdFallback?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Lower-case usernames (Moodle fixcaseusernames).' })
  lowercaseUsernames?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '"JOE" → "Joe" (Moodle fixcasepersonalnames).' })
  fixCasePersonalNames?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Cut course codes to this many characters; 0 is off (Moodle truncatecoursecodes).' })
  @Min(0)
  @Max(1000)
  truncateCourseCodes?: number | null;

  @Field(() => ImsCourseMappingInput, { nullable: true })
  courseMapping?: ImsCourseMappingInput | null;

  @Field(() => [ImsRoleMappingInput], {
    nullable: true,
    description: 'Overrides of the role map (defaults: 01, 04 student; 02, 03, 06, 08 teacher; 05, 07 ignored, as in a standard Moodle).',
  })
  roleMap?: ImsRoleMappingInput[] | null;
}

@InputType({ description: 'An IMS Enterprise 1.1 XML file (or a zip holding one): uploaded, or a path on the server.' })
export class ImportImsEnterpriseInput {
  @Field(() => GraphQLUpload, { nullable: true, description: 'The file, as a GraphQL multipart upload.' })
  upload?: Promise<FileUpload> | null;

  @Field(() => String, { nullable: true, description: 'A file on the server, inside IMPORT_ROOTS.' })
  path?: string | null;

  @Field(() => ImsParseMode, { defaultValue: ImsParseMode.TOLERANT })
  mode!: ImsParseMode;

  @Field(() => ImsImportOptionsInput, { nullable: true })
  options?: ImsImportOptionsInput | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Read, match and count everything, then apply nothing.' })
  dryRun!: boolean;
}
