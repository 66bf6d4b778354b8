import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../../graphql/relay/page-args';
import { LearningKind } from '../model/learning-kind';
import { LearningStatus } from '../model/learning-status';
import type { HistoryCriteria } from './history.query';

@ArgsType()
export class HistoryArgs extends PageArgs {
  @Field(() => Date, { nullable: true, description: 'Entries at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Entries before this instant.' })
  to?: Date | null;

  @Field(() => [LearningKind], { nullable: true, description: 'Only these kinds (default: all).' })
  kinds?: LearningKind[] | null;

  @Field(() => [LearningStatus], { nullable: true, description: 'Only these statuses (default: all).' })
  statuses?: LearningStatus[] | null;
}

export function toHistoryCriteria(args: HistoryArgs): HistoryCriteria {
  return { from: args.from ?? null, to: args.to ?? null, kinds: args.kinds ?? null, statuses: args.statuses ?? null };
}
