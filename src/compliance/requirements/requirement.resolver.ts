import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApiRole } from '../../auth/role';
import type { Context } from '../../graphql/context';
import { toConnection } from '../../graphql/relay/connection';
import { localIdOf } from '../../graphql/relay/global-id';
import { countRows, fetchPage, pageWindow } from '../../graphql/relay/keyset';
import { PageArgs } from '../../graphql/relay/page-args';
import { LearningItem, toLearningItem } from '../../records';
import { Org, optionalLocalId, RosterClass, required, toClass, toOrg } from '../../roster';
import { AssignLearningRequirementInput } from './requirement.inputs';
import { toRequirement } from './requirement.mapper';
import type { RequirementRow } from './requirement-rows';
import { LearningRequirement, LearningRequirementConnection } from './requirement.types';

@Resolver(() => LearningRequirement)
export class RequirementResolver {
  @Authorized()
  @Query(() => LearningRequirementConnection, { description: 'Learning requirements, newest first.' })
  async learningRequirements(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('itemId', () => ID, { nullable: true, description: 'Only requirements of this item.' }) itemId: string | null,
    @Ctx() ctx: Context,
  ): Promise<LearningRequirementConnection> {
    const query = ctx.services.compliance.requirements.listQuery(optionalLocalId(itemId, 'LearningItem'));
    const result = await fetchPage<RequirementRow>(ctx.db, query, pageWindow(query, page, ctx.config.maxPageSize));
    return toConnection(LearningRequirementConnection, result, toRequirement, () => countRows(ctx.db, query));
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => LearningRequirement, { description: 'Requires an item of everyone at an org (and below), with a role, or in a class; with a due date, a recurrence or both.' })
  async assignLearningRequirement(@Arg('input', () => AssignLearningRequirementInput) input: AssignLearningRequirementInput, @Ctx() ctx: Context): Promise<LearningRequirement> {
    const row = await ctx.services.compliance.requirements.assign({
      itemId: localIdOf(input.itemId, 'LearningItem'),
      orgId: optionalLocalId(input.orgId, 'Org'),
      role: input.role ?? null,
      classId: optionalLocalId(input.classId, 'Class'),
      dueOn: input.dueOn ?? null,
      validForMonths: input.validForMonths ?? null,
    });
    return toRequirement(row);
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => ID, { description: 'Drops a requirement; returns its id.' })
  async removeLearningRequirement(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    await ctx.services.compliance.requirements.remove(localIdOf(id, 'LearningRequirement'));
    return id;
  }

  @FieldResolver(() => LearningItem)
  async item(@Root() requirement: LearningRequirement, @Ctx() ctx: Context): Promise<LearningItem> {
    return toLearningItem(required(await ctx.loaders.records.item.load(requirement.itemLocalId), `LearningItem ${requirement.itemLocalId}`));
  }

  @FieldResolver(() => Org, { nullable: true, description: 'ORG: the org; ROLE: the org the role counts within, if any.' })
  async org(@Root() requirement: LearningRequirement, @Ctx() ctx: Context): Promise<Org | null> {
    if (requirement.orgLocalId === null) return null;
    const row = await ctx.loaders.roster.org.load(requirement.orgLocalId);
    return row && toOrg(row);
  }

  @FieldResolver(() => RosterClass, { nullable: true })
  async class(@Root() requirement: LearningRequirement, @Ctx() ctx: Context): Promise<RosterClass | null> {
    if (requirement.classLocalId === null) return null;
    const row = await ctx.loaders.roster.rosterClass.load(requirement.classLocalId);
    return row && toClass(row);
  }
}
