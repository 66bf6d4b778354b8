import { ArrayMaxSize, Max, MaxLength, Min } from 'class-validator';
import { JSONObjectResolver } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { ProcessedFileAction, SourceFormat, SourceKind } from './source-enums';

const SECRET = 'Write-only: stored encrypted, never returned. On update, omit to keep, null to remove.';

/**
 * The settable fields, shared by create (where some are required) and update; type-graphql
 * copies them into each input type that extends this one. Unused by any field itself, so it
 * does not appear in the schema.
 */
@InputType('SourceFields')
abstract class SourceFields {
  @Field(() => String, { nullable: true })
  @MaxLength(253)
  host?: string | null;

  @Field(() => Int, { nullable: true, description: 'Default 22.' })
  @Min(1)
  @Max(65535)
  port?: number | null;

  @Field(() => String, { nullable: true })
  @MaxLength(100)
  username?: string | null;

  @Field(() => String, { nullable: true, description: SECRET })
  @MaxLength(1_000)
  password?: string | null;

  @Field(() => String, { nullable: true, description: `OpenSSH or PEM private key. ${SECRET}` })
  @MaxLength(20_000)
  privateKey?: string | null;

  @Field(() => String, { nullable: true, description: `Passphrase of the private key. ${SECRET}` })
  @MaxLength(1_000)
  privateKeyPassphrase?: string | null;

  @Field(() => String, { nullable: true, description: '`SHA256:...` as `ssh-keygen -lf` prints it (testSource shows the key a server presents).' })
  @MaxLength(100)
  hostKeyFingerprint?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Name patterns: YYYYMMDD (or YYYY-MM-DD, YYYY_MM_DD, DDMMYYYY) is the business date, `*` any text; without an extension `.csv` is optional. Default per format (LMS: SCORMYYYYMMDD, F2FYYYYMMDD, QuizYYYYMMDD, CompletionYYYYMMDD, Pathway*YYYYMMDD).',
  })
  @ArrayMaxSize(20)
  filePatterns?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Five-field cron read in `timeZone`, e.g. `30 5 * * *`; null: only on request.' })
  @MaxLength(100)
  schedule?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA zone for the schedule and business days. Default UTC.' })
  @MaxLength(64)
  timeZone?: string | null;

  @Field(() => Int, { nullable: true, description: 'Default 28 (the LMS keeps files 28 days).' })
  @Min(1)
  @Max(366)
  lookbackDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Seconds between the two listings that must agree on a file’s size. Default 15.' })
  @Min(0)
  @Max(3600)
  settleSeconds?: number | null;

  @Field(() => ProcessedFileAction, { nullable: true, description: 'Default LEAVE.' })
  processedAction?: ProcessedFileAction | null;

  @Field(() => String, { nullable: true, description: 'For ARCHIVE: absolute, or relative to the folder.' })
  @MaxLength(1_000)
  archiveFolder?: string | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'Passed to the importer (column names, date formats, ...).' })
  formatOptions?: Record<string, unknown> | null;
}

@InputType()
export class CreateSourceInput extends SourceFields {
  @Field(() => String)
  @MaxLength(100)
  name!: string;

  @Field(() => SourceKind)
  kind!: SourceKind;

  @Field(() => SourceFormat)
  format!: SourceFormat;

  @Field(() => String, { description: 'Remote folder (SFTP; relative to the login folder unless absolute) or absolute local path.' })
  @MaxLength(1_000)
  folder!: string;
}

@InputType({ description: 'Only the fields given change; null clears a nullable field.' })
export class UpdateSourceInput extends SourceFields {
  @Field(() => String, { nullable: true })
  @MaxLength(100)
  name?: string;

  @Field(() => SourceKind, { nullable: true })
  kind?: SourceKind;

  @Field(() => SourceFormat, { nullable: true })
  format?: SourceFormat;

  @Field(() => String, { nullable: true })
  @MaxLength(1_000)
  folder?: string;
}
