import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { EdReflectGoalEntry, EdReflectObservationEntry } from '../../records';
import { toGoal, toObservation } from './record.mapper';
import { EdReflectGoal, EdReflectObservation } from './record.types';

/** From a timeline entry to the whole observation or goal (batched by row id). */
@Resolver(() => EdReflectObservationEntry)
export class EdReflectObservationEntryResolver {
  @FieldResolver(() => EdReflectObservation, { nullable: true, description: 'The observation, with its work, evaluations and ratings.' })
  async observation(@Root() entry: EdReflectObservationEntry, @Ctx() ctx: Context): Promise<EdReflectObservation | null> {
    const row = await ctx.loaders.edReflect.row.load(entry.observationLocalId);
    return row && toObservation(row);
  }
}

@Resolver(() => EdReflectGoalEntry)
export class EdReflectGoalEntryResolver {
  @FieldResolver(() => EdReflectGoal, { nullable: true, description: 'The goal, with its comments, posts and aligned indicators.' })
  async goal(@Root() entry: EdReflectGoalEntry, @Ctx() ctx: Context): Promise<EdReflectGoal | null> {
    const row = await ctx.loaders.edReflect.row.load(entry.goalLocalId);
    return row && toGoal(row);
  }
}
