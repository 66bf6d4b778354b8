import { Field, InputType } from 'type-graphql';
import { GraphQLUpload, type FileUpload } from '../graphql/upload';
import { JSONObject } from '../roster';

@InputType({ description: 'An EdReflect offboarding export (zip or folder of CSVs, full or change-only): uploaded, or a path on the server.' })
export class ImportEdReflectInput {
  @Field(() => GraphQLUpload, { nullable: true, description: 'The zip, as a GraphQL multipart upload.' })
  upload?: Promise<FileUpload> | null;

  @Field(() => String, { nullable: true, description: 'A zip or folder on the server, inside IMPORT_ROOTS.' })
  path?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Stage and count without applying.' })
  dryRun!: boolean;

  @Field(() => String, { defaultValue: 'default', description: 'The EdReflect tenant the export belongs to.' })
  system!: string;

  @Field(() => JSONObject, {
    nullable: true,
    description: 'Which users.csv columns identify people: `{ "rules": [{ "field": "email", "kinds": ["email", "username"] }] }`. Default: email (email or username), employeeId (identifier).',
  })
  identity?: Record<string, unknown> | null;
}
