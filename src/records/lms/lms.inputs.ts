import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { GraphQLUpload, type FileUpload } from '../../graphql/upload';
import { UserIdentifierKind } from '../../roster';
import { LearningStatus } from '../model/learning-status';
import { LmsField } from './lms-fields';
import { LmsFileType } from './lms-file-type';

@InputType('LmsColumnMappingInput', { description: 'Which header(s) hold one of our fields, in one file type or (without fileType) all.' })
export class LmsColumnMappingInput {
  @Field(() => LmsFileType, { nullable: true })
  fileType?: LmsFileType | null;

  @Field(() => LmsField)
  field!: LmsField;

  @Field(() => [String], { description: 'Accepted headers, first found wins; case and surrounding spaces are ignored.' })
  @ArrayMaxSize(10)
  headers!: string[];
}

@InputType('LmsIdentityRuleInput')
export class LmsIdentityRuleInput {
  @Field(() => LmsField, { description: 'USERNAME or UNIQUE_ID.' })
  field!: LmsField;

  @Field(() => [UserIdentifierKind], { description: 'The identifiers its value may be; email and username compare ignoring case.' })
  kinds!: UserIdentifierKind[];
}

@InputType('LmsIdentityInput', { description: 'How the LMS’s people are matched to users. Default: uniqueid = staff number (identifier), username = username or email; uniqueid is the account id.' })
export class LmsIdentityInput {
  @Field(() => [LmsIdentityRuleInput])
  @ArrayMaxSize(10)
  rules!: LmsIdentityRuleInput[];

  @Field(() => LmsField, { nullable: true, description: 'The field that is the person’s account id in the LMS (what link keys tie).' })
  accountField?: LmsField | null;
}

@InputType('LmsStatusWordInput')
export class LmsStatusWordInput {
  @Field(() => String)
  @MaxLength(100)
  word!: string;

  @Field(() => LearningStatus)
  status!: LearningStatus;
}

@InputType('ImportLmsFileInput', { description: 'One LMS outbound-sync file (or a folder or zip of them): uploaded, or a path on the server.' })
export class ImportLmsFileInput {
  @Field(() => GraphQLUpload, { nullable: true, description: 'The file, as a GraphQL multipart upload.' })
  upload?: Promise<FileUpload> | null;

  @Field(() => String, { nullable: true, description: 'A file, folder or zip on the server, inside IMPORT_ROOTS.' })
  path?: string | null;

  @Field(() => LmsFileType, { nullable: true, description: 'Default: told by the file name.' })
  fileType?: LmsFileType | null;

  @Field(() => [LmsColumnMappingInput], { nullable: true, description: 'Headers the vendor renamed; the defaults are the documented ones.' })
  @ArrayMaxSize(100)
  columnMap?: LmsColumnMappingInput[] | null;

  @Field(() => [String], { nullable: true, description: 'Date formats to try in order (YYYY MM DD HH mm ss SSS A Z tokens); default ISO, then DD/MM/YYYY forms.' })
  @ArrayMaxSize(20)
  dateFormats?: string[] | null;

  @Field(() => String, { nullable: true, description: 'IANA zone of dates without an offset (default UTC).' })
  @MaxLength(100)
  timeZone?: string | null;

  @Field(() => LmsIdentityInput, { nullable: true })
  identity?: LmsIdentityInput | null;

  @Field(() => [LmsStatusWordInput], { nullable: true, description: 'The vendor’s status words, added to the built-in ones.' })
  @ArrayMaxSize(100)
  statusMap?: LmsStatusWordInput[] | null;

  @Field(() => String, { nullable: true, description: 'The outside system the people and records belong to (default `lms`).' })
  @MaxLength(100)
  system?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Validate, match and count without applying anything.' })
  dryRun!: boolean;
}

/** The input's options as the data `parseLmsOptions` reads (the shape a source's formatOptions has). */
export function optionsOf(input: ImportLmsFileInput): Record<string, unknown> {
  return {
    ...(input.system ? { system: input.system } : {}),
    ...(input.columnMap ? { columnMap: input.columnMap.map((m) => ({ fileType: m.fileType ?? null, field: m.field, headers: m.headers })) } : {}),
    ...(input.dateFormats ? { dateFormats: input.dateFormats } : {}),
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
    ...(input.identity
      ? { identity: { rules: input.identity.rules.map((r) => ({ field: r.field, kinds: r.kinds })), accountField: input.identity.accountField ?? null } }
      : {}),
    ...(input.statusMap ? { statusMap: Object.fromEntries(input.statusMap.map((s) => [s.word, s.status])) } : {}),
  };
}
