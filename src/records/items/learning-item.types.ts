import { Max, Min } from 'class-validator';
import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection.type';
import { Node } from '../../graphql/relay/node.interface';
import { LearningItemKind } from '../model/learning-kind';

@ObjectType('ValidityPeriod', { description: 'How long a completion stays valid: months, then days, added to the completion date.' })
export class ValidityPeriod {
  @Field(() => Int)
  months!: number;

  @Field(() => Int)
  days!: number;
}

@InputType('ValidityPeriodInput')
export class ValidityPeriodInput {
  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  @Max(1200)
  months!: number;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  @Max(36600)
  days!: number;
}

@Directive('@key(fields: "id")')
@ObjectType('LearningItem', { implements: Node, description: 'A SCORM package, course, quiz, face-to-face event or pathway, as a source names it.' })
export class LearningItem extends Node {
  localId!: string;

  @Field(() => LearningItemKind)
  kind!: LearningItemKind;

  @Field(() => String, { description: 'The source system.' })
  source!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ValidityPeriod, { nullable: true, description: 'Null: completions never expire.' })
  validityPeriod!: ValidityPeriod | null;
}

export const LearningItemConnection = Connection(LearningItem, 'LearningItem');
export type LearningItemConnection = InstanceType<typeof LearningItemConnection>;
