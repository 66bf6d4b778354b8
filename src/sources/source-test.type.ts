import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TestedFileStatus } from './source-tester';

registerEnumType(TestedFileStatus, {
  name: 'SourceTestFileStatus',
  valuesConfig: {
    NEW: { description: 'Not in the ledger: a sync records it, and imports it once its size is stable.' },
    WAITING: { description: 'Seen; imported once two listings agree on its size.' },
    READY: { description: 'Stable; the next sync imports it.' },
    IMPORTED: { description: 'Already imported; never imported again.' },
    DUPLICATE: { description: 'Same bytes as an imported version; skipped.' },
    OUTSIDE_WINDOW: { description: 'Older than the lookback window.' },
    UNSUPPORTED: { description: 'Matches a pattern, but the importer does not read files of that name.' },
    UNSAFE_NAME: { description: 'A name with a path separator, `.`/`..` or control characters: never read, whatever the patterns.' },
  },
});

@ObjectType({ description: 'A file testSource found, and what a sync would do with it.' })
export class SourceTestFile {
  @Field(() => String) name!: string;
  @Field(() => String) path!: string;
  @Field(() => Float) size!: number;
  @Field(() => Date) modifiedAt!: Date;
  @Field(() => LocalDateResolver, { nullable: true }) businessDate!: string | null;
  @Field(() => TestedFileStatus) status!: TestedFileStatus;
  @Field(() => Boolean, { description: 'A sync would import it (now, or once its size is stable).' }) willImport!: boolean;
}

@ObjectType({ description: 'Why testSource could not list the folder.' })
export class SourceTestFailure {
  @Field(() => String, { description: 'HOST_KEY_MISMATCH, AUTH_FAILED, CONNECTION_FAILED or NOT_CONFIGURED.' }) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType({ description: 'What testSource found: the connection, the host key, and the files in import order.' })
export class SourceTestResult {
  @Field(() => Boolean) ok!: boolean;
  @Field(() => SourceTestFailure, { nullable: true }) failure!: SourceTestFailure | null;
  @Field(() => String, { nullable: true, description: 'The host key the server presented; pin it once checked out of band.' })
  presentedHostKeyFingerprint!: string | null;
  @Field(() => Boolean) hostKeyVerified!: boolean;
  @Field(() => Int) connectionAttempts!: number;
  @Field(() => Boolean, { description: 'This server has an importer for the source’s format.' }) importerInstalled!: boolean;
  @Field(() => [SourceTestFile], { description: 'Matching files: first those a sync considers, in import order; then the rest.' })
  files!: SourceTestFile[];
  @Field(() => Int, { description: 'Files in the folder that match no pattern.' }) ignoredFileCount!: number;
}
