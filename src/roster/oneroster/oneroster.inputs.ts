import { Max, Min } from 'class-validator';
import { Field, Float, InputType, registerEnumType } from 'type-graphql';
import { GraphQLUpload, type FileUpload } from '../../graphql/upload';

export enum OneRosterMode {
  STRICT = 'STRICT',
  LENIENT = 'LENIENT',
}

registerEnumType(OneRosterMode, {
  name: 'OneRosterMode',
  valuesConfig: {
    STRICT: { description: 'The 1EdTech rulebook: exact headers, exact enumerations and formats.' },
    LENIENT: { description: 'What real exports send (TRUE, inactive, date-only DateTimes, case, spaces), each coercion kept as a warning.' },
  },
});

@InputType({ description: 'A OneRoster 1.1 or 1.2 package (zip or folder of CSVs): uploaded, or a path on the server.' })
export class ImportOneRosterInput {
  @Field(() => GraphQLUpload, { nullable: true, description: 'The zip, as a GraphQL multipart upload.' })
  upload?: Promise<FileUpload> | null;

  @Field(() => String, { nullable: true, description: 'A zip or folder on the server, inside IMPORT_ROOTS.' })
  path?: string | null;

  @Field(() => OneRosterMode, { defaultValue: OneRosterMode.STRICT })
  mode!: OneRosterMode;

  @Field(() => Boolean, { defaultValue: false, description: 'Validate and compute the diff without applying it.' })
  dryRun!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Apply even when a bulk file would delete more than `deleteThreshold` of an entity.' })
  force!: boolean;

  @Field(() => Float, { defaultValue: 0.2, description: 'Share (0-1) of an entity a bulk file may delete without `force`.' })
  @Min(0)
  @Max(1)
  deleteThreshold!: number;

  @Field(() => String, { defaultValue: 'default', description: 'The source system whose sourcedIds these are.' })
  system!: string;
}
