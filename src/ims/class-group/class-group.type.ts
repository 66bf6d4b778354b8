import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('ClassGroup', { description: 'A named group of a class’s members (Moodle course groups; IMS `<extension><cohort>`).' })
export class ClassGroup {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The source system that made the group.' })
  system!: string;

  @Field(() => Int, { description: 'Current members.' })
  memberCount!: number;

  @Field(() => [ID], { description: 'Global ids of the current members (`User`), for `node`/`nodes`.' })
  memberIds!: string[];

  @Field(() => Date, { nullable: true, description: 'Set when the group is no longer used.' })
  deletedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}
