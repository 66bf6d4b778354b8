import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../roster';

@InputType('AssignLearningRequirementInput', {
  description: 'Who must hold an item: an org (and every org below it), a role (anywhere, or within an org when `orgId` is given too), or a class; by when, and how often.',
})
export class AssignLearningRequirementInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => ID, { nullable: true })
  orgId?: string | null;

  @Field(() => String, { nullable: true, description: 'A role name as the roster has it (teacher, aide, ext:nurse, ...).' })
  @MaxLength(200)
  role?: string | null;

  @Field(() => ID, { nullable: true })
  classId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When a first completion is due.' })
  dueOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Recurrence: a completion counts for this many months (it replaces the item’s own validity period here).' })
  validForMonths?: number | null;
}
