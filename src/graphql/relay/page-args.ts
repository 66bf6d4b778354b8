import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

/** Relay connection arguments, shared by every list field. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Return the first n items (after `after`).' })
  @Min(0)
  @Max(10_000)
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Return the last n items (before `before`).' })
  @Min(0)
  @Max(10_000)
  last?: number | null;

  @Field(() => String, { nullable: true })
  before?: string | null;
}
