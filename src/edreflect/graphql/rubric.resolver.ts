import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { loadRubrics } from './rubric-tree';
import { EdReflectRubric } from './rubric.type';

@Resolver()
export class EdReflectRubricResolver {
  @Authorized()
  @Query(() => [EdReflectRubric], { description: "An EdReflect system's rubrics, each with its standards and its indicator tree (up to four levels)." })
  async edReflectRubrics(@Arg('system', () => String, { defaultValue: 'default' }) system: string, @Ctx() ctx: Context): Promise<EdReflectRubric[]> {
    return loadRubrics(ctx.db, { system });
  }
}
