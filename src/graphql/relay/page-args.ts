import { ArgsType, Field, Int } from 'type-graphql';

/** Relay connection arguments, shared by every list field. */
@ArgsType()
export class PageArgs {
  // No class-validator rules here: pageWindow (keyset.ts) refuses negative sizes, sizes above
  // MAX_PAGE_SIZE and first+last together, once per list, where a rule would run per field.
  @Field(() => Int, { nullable: true, description: 'Return the first n items (after `after`).' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Return the last n items (before `before`).' })
  last?: number | null;

  @Field(() => String, { nullable: true })
  before?: string | null;
}
