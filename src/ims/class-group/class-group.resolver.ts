import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { localIdOf } from '../../graphql/relay/global-id';
import { classGroupsOf } from './class-group.service';
import { ClassGroup } from './class-group.type';

@Resolver(() => ClassGroup)
export class ClassGroupResolver {
  @Authorized()
  @Query(() => [ClassGroup], { description: 'The groups of a class (IMS cohorts), by name.' })
  async classGroups(
    @Arg('classId', () => ID) classId: string,
    @Arg('includeDeleted', () => Boolean, { defaultValue: false }) includeDeleted: boolean,
    @Ctx() ctx: Context,
  ): Promise<ClassGroup[]> {
    return classGroupsOf(ctx.db, localIdOf(classId, 'Class'), includeDeleted);
  }
}
