import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node.interface';
import { JSONObject } from '../../roster';

// Each type repeats the three record fields (EdReflect id, name, every value as sent): the
// records share no table of their own, so no common Node or interface is claimed yet.

@ObjectType('EdReflectIndicator', { description: 'A rubric indicator (a domain at level 1); indicators nest up to four levels.' })
export class EdReflectIndicator {
  @Field(() => ID, { description: "EdReflect's own id of the row." })
  edReflectId!: string;

  @Field(() => String, { nullable: true, description: 'The `name` column, when the table has one.' })
  name!: string | null;

  @Field(() => JSONObject, { description: 'Every column of the row, by header name, exactly as sent.' })
  values!: Record<string, string>;

  @Field(() => Int, { description: 'How deep the indicator sits: 1 for `rubrics.indicators`, 4 for `rubrics.indicators.indicators.indicators.indicators`.' })
  level!: number;

  @Field(() => String, { nullable: true })
  code!: string | null;

  @Field(() => [EdReflectIndicator], { description: 'The indicators one level down, in file order.' })
  children!: EdReflectIndicator[];
}

@ObjectType('EdReflectStandard', { description: 'A rubric standard.' })
export class EdReflectStandard {
  @Field(() => ID, { description: "EdReflect's own id of the row." })
  edReflectId!: string;

  @Field(() => String, { nullable: true, description: 'The `name` column, when the table has one.' })
  name!: string | null;

  @Field(() => JSONObject, { description: 'Every column of the row, by header name, exactly as sent.' })
  values!: Record<string, string>;
}

@ObjectType('EdReflectRubric', { implements: Node, description: 'An EdReflect rubric with its standards and its indicator tree.' })
export class EdReflectRubric {
  localId!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The EdReflect tenant.' })
  system!: string;

  @Field(() => ID, { description: "EdReflect's own id of the row." })
  edReflectId!: string;

  @Field(() => String, { nullable: true, description: 'The `name` column, when the table has one.' })
  name!: string | null;

  @Field(() => JSONObject, { description: 'Every column of the row, by header name, exactly as sent.' })
  values!: Record<string, string>;

  @Field(() => [EdReflectStandard])
  standards!: EdReflectStandard[];

  @Field(() => [EdReflectIndicator], { description: 'Level-1 indicators (domains), each with its children.' })
  indicators!: EdReflectIndicator[];
}
